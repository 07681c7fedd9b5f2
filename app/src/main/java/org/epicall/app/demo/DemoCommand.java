package org.epicall.app.demo;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.epicall.app.DurationConverter;
import org.epicall.app.demo.progress.DemoProgress;
import org.epicall.app.demo.progress.ProgressDisplay;
import org.epicall.app.demo.summary.DemoSummary;
import org.epicall.app.demo.summary.SummaryReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code epicall demo}: a Korean check-in campaign to simulated residents, on embedded defaults. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {
                "Runs a Korean COVID-19 check-in campaign to simulated residents with mixed behaviours, on embedded"
                        + " defaults: H2, an in-process Kafka broker, the PBX simulator, a dialer node with Vosk"
                        + " recognition, and the campaign service with its dashboard.",
                "Shows live progress, then a summary: residents per final state, attempts per outcome, flagged"
                        + " residents and the topic end offsets. Exit code 0 when every resident is accounted for"
                        + " and the calling rules held, 1 otherwise."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--residents", defaultValue = "200", description = "Simulated residents to call (default: ${DEFAULT-VALUE}).")
    int residents;

    @Option(names = "--time-scale", defaultValue = "20",
            description = "How much faster than real time the simulated calls run (default: ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(names = "--port", defaultValue = "8080", description = "Dashboard and REST API port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "var/demo",
            description = "Database, Kafka data, recordings and log (default: ${DEFAULT-VALUE}); emptied first unless --keep.")
    Path dataDirectory;

    @Option(names = "--keep", description = "Keep the data of earlier runs instead of starting fresh.")
    boolean keep;

    @Option(names = "--serve", description = "Keep the dashboard, Kafka and the rest running after the summary, until Ctrl-C.")
    boolean serve;

    @Option(names = "--population", defaultValue = "MIXED",
            description = "Who the residents are: MIXED (mostly answering by voice, and every other behaviour) or KEYPAD"
                    + " (keypad, hang-ups, busy, no answer: no speech recognition, for a slow machine) (default: ${DEFAULT-VALUE}).")
    DemoSettings.Population population;

    @Option(names = "--seed", defaultValue = "2026", description = "Seed of the simulated population (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--calls-per-second", defaultValue = "20", description = "Dialer originate rate (default: ${DEFAULT-VALUE}).")
    double callsPerSecond;

    @Option(names = "--max-channels", defaultValue = "60",
            description = "Concurrent calls the dialer may place on the PBX (default: ${DEFAULT-VALUE}).")
    int maxChannels;

    @Option(names = "--max-attempts", defaultValue = "3", description = "Attempts per resident (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--retry-busy", defaultValue = "10s", converter = DurationConverter.class,
            description = "Wait before calling a busy resident again, real time (default: ${DEFAULT-VALUE}).")
    Duration retryBusy;

    @Option(names = "--retry-no-answer", defaultValue = "20s", converter = DurationConverter.class,
            description = "Wait before calling a resident who did not answer again (default: ${DEFAULT-VALUE}).")
    Duration retryNoAnswer;

    @Option(names = "--window", defaultValue = "60m", converter = DurationConverter.class,
            description = "The calling window opens now in Asia/Seoul and stays open this long (default: ${DEFAULT-VALUE}).")
    Duration window;

    @Option(names = "--timeout", defaultValue = "30m", converter = DurationConverter.class,
            description = "Give up waiting for the residents after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        DemoSettings settings;
        try {
            settings = new DemoSettings(residents, population, seed, timeScale, port, dataDirectory, keep, serve, callsPerSecond,
                    maxChannels, maxAttempts, retryBusy, retryNoAnswer, window, timeout);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        DemoRunner prepared;
        try {
            prepared = new DemoRunner(settings, out, Clock.systemUTC());
        } catch (RuntimeException e) {
            System.err.println("epicall demo: " + DemoErrors.describe(e));
            return 2;
        }
        Path log = prepared.directory().resolve("epicall.log");
        DemoLogging.toFile(log);
        out.println("epicall demo: " + settings.residents() + " simulated residents, Korean check-in; log in " + log);
        try (DemoRunner demo = prepared) {
            try {
                demo.start();
                demo.launch();
            } catch (RuntimeException e) {
                System.err.println("epicall demo: could not start: " + DemoErrors.describe(e));
                System.err.println("See " + log + " for details.");
                return 2;
            }
            boolean terminal = ProgressDisplay.stdoutIsTerminal();
            DemoProgress last = demo.awaitFinished(ProgressDisplay.forConsole(out, terminal, Duration.ofSeconds(5)));
            DemoSummary summary = demo.summary();
            out.println();
            out.print(SummaryReport.render(summary));
            out.println();
            out.println("Results are on Kafka (data in " + demo.kafkaDataDirectory() + "):");
            out.println("  ./epicall results tail --data-dir " + relative(demo.kafkaDataDirectory()));
            if (!last.done()) {
                out.println("Not every resident was accounted for within --timeout " + settings.timeout()
                        + "; see " + log);
            }
            if (settings.serve()) {
                out.printf("%nServing: dashboard http://localhost:%d (user %s, password %s), Kafka at %s. Ctrl-C stops.%n",
                        demo.dashboardPort(), DemoRunner.USER, DemoRunner.PASSWORD, demo.bootstrapServers());
                demo.serveUntilInterrupted();
            }
            return summary.clean() ? 0 : 1;
        }
    }

    private static String relative(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }
}
