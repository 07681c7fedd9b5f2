package org.epicall.campaign.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * schemathesis (from PyPI, pinned), installed by the build into a virtualenv under {@code target/}. A test
 * that needs it skips, saying so, only when PyPI cannot be reached; any other failure to install fails it.
 */
public final class Schemathesis {

    public static final String VERSION = "4.32.5";

    private Schemathesis() {
    }

    /** The {@code schemathesis} executable, installing it first if needed. */
    public static Path installedOrSkip(Path venv) throws IOException, InterruptedException {
        Path executable = venv.resolve("bin").resolve("schemathesis");
        Path marker = venv.resolve("installed-" + VERSION);
        if (Files.exists(marker) && Files.isExecutable(executable)) {
            return executable;
        }
        Assumptions.assumeTrue(pypiReachable(), "PyPI (pypi.org:443) cannot be reached: skipping the schemathesis run"
                + " against the OpenAPI description; it needs pip install schemathesis==" + VERSION);
        run(List.of("python3", "-m", "venv", "--clear", venv.toString()), venv.resolveSibling("venv.log"));
        run(List.of(venv.resolve("bin").resolve("pip").toString(), "install", "--quiet", "--disable-pip-version-check",
                "schemathesis==" + VERSION), venv.resolveSibling("pip.log"));
        Files.writeString(marker, VERSION);
        return executable;
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 10 minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    private static boolean pypiReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("pypi.org", 443), 5_000);
            return true;
        } catch (IOException unreachable) {
            return false;
        }
    }
}
