package org.epicall.app.bench.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One epicall process ({@code java -jar epicall.jar …}), as a deployment runs it: its own environment
 * (nothing EPICALL_ or SPRING_ inherited from the launcher's), its output in a log file of its own. Stopped
 * with SIGTERM, or killed with SIGKILL. For benchmarks and tests that run the services as separate processes.
 */
public final class EpicallProcess implements AutoCloseable {

    // C1 only and the serial collector: a dozen JVMs share two cores here, and none lives long enough to need more.
    private static final List<String> JVM = List.of("-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");

    private final String name;
    private final Process process;
    private final Path log;

    private EpicallProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * @param launcher how to run epicall: {@link Launcher#jar} or {@link Launcher#thisProcess}
     * @param logs     where {@code <name>.log} is written
     */
    public static EpicallProcess start(Launcher launcher, String name, Path logs, Map<String, String> environment,
                                       String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        command.addAll(launcher.arguments());
        command.addAll(List.of(args));
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("EPICALL_") || k.startsWith("SPRING_")
                || k.equals("SERVER_PORT"));
        builder.environment().putAll(environment);
        try {
            return new EpicallProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits for a line of its output matching {@code pattern}.
     *
     * @return the match
     * @throws IllegalStateException if the process ends first or the time is up, with the end of its output
     */
    public Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (String line : lines()) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    return m;
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended (exit " + process.exitValue() + ") before printing "
                        + pattern + ":\n" + tail());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " did not print " + pattern + " within " + timeout + ":\n" + tail());
    }

    public List<String> lines() {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    public String tail() {
        List<String> lines = lines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    public String name() {
        return name;
    }

    /** CPU time the process has used so far (zero once it has ended). */
    public Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or handed back. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, without waiting. */
    public void terminate() {
        process.destroy();
    }

    /** SIGTERM, as an orchestrator stops a service; SIGKILL if it has not ended within {@code grace}. */
    public int stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    /**
     * How to start epicall: {@code -jar} the packaged jar, or this process's own class path and main class
     * (the launcher running from the jar is the same thing).
     */
    public record Launcher(List<String> arguments) {

        public static Launcher jar(Path jar) {
            return new Launcher(List.of("-jar", jar.toAbsolutePath().toString()));
        }

        /** Whatever runs this JVM: its jar if it was started with {@code -jar}, else its class path. */
        public static Launcher thisProcess() {
            String classPath = System.getProperty("java.class.path");
            if (!classPath.contains(java.io.File.pathSeparator) && classPath.endsWith(".jar")) {
                return jar(Path.of(classPath));
            }
            return new Launcher(List.of("-cp", classPath, "org.epicall.app.EpicallCommand"));
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(30));
        }
    }
}
