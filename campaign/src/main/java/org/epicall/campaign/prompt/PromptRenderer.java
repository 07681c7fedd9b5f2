package org.epicall.campaign.prompt;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Speaks a prompt's text as Asterisk plays prompts: 8 kHz mono 16-bit PCM WAV, rendered with espeak-ng and
 * resampled with sox (Debian packages {@code espeak-ng} and {@code sox}), normalised a little below full
 * scale so the telephone path does not clip. What a campaign plays until an official records the prompt.
 * Thread-safe.
 */
public final class PromptRenderer {

    private static final long TIMEOUT_SECONDS = 60;

    private final String espeak;
    private final String sox;

    public PromptRenderer(String espeak, String sox) {
        this.espeak = espeak;
        this.sox = sox;
    }

    /** espeak-ng and sox from the PATH. */
    public static PromptRenderer onPath() {
        return new PromptRenderer("espeak-ng", "sox");
    }

    /** Why prompts cannot be rendered here (a tool missing from the PATH), or empty. */
    public static Optional<String> unavailableBecause() {
        for (String tool : List.of("espeak-ng", "sox")) {
            if (!onPath(tool)) {
                return Optional.of(tool + " is not installed (Debian: apt-get install espeak-ng sox)");
            }
        }
        return Optional.empty();
    }

    /**
     * @param language an espeak-ng voice, e.g. {@code ko} or {@code en}
     * @return the WAV file's bytes
     * @throws PromptRenderException saying which tool failed and how
     */
    public byte[] render(String language, String text) {
        Path work = null;
        try {
            work = Files.createTempDirectory("epicall-prompt-");
            Path spoken = work.resolve("spoken.wav");
            Path phone = work.resolve("phone.wav");
            run(List.of(espeak, "-v", language, "-s", "150", "-w", spoken.toString(), text));
            run(List.of(sox, spoken.toString(), "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer",
                    phone.toString(), "gain", "-n", "-3"));
            return Files.readAllBytes(phone);
        } catch (IOException e) {
            throw new PromptRenderException("cannot render a " + language + " prompt: " + e.getMessage(), e);
        } finally {
            delete(work);
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new PromptRenderException(command.getFirst() + " could not be started (" + e.getMessage()
                    + "); install espeak-ng and sox (Debian: apt-get install espeak-ng sox)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PromptRenderException(command.getFirst() + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new PromptRenderException("interrupted while running " + command.getFirst(), e);
        }
        if (process.exitValue() != 0) {
            throw new PromptRenderException(command.getFirst() + " failed (exit " + process.exitValue() + ")"
                    + (output.isEmpty() ? "" : ": " + output));
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
