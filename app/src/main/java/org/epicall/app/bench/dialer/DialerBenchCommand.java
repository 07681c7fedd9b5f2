package org.epicall.app.bench.dialer;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.epicall.app.DurationConverter;
import org.epicall.app.demo.DemoLogging;
import org.epicall.dialer.DialerConfig;
import org.epicall.dialer.DialerNode;
import org.epicall.dialer.agi.AgiConfig;
import org.epicall.dialer.ami.AmiServerConfig;
import org.epicall.dialer.ami.Backoff;
import org.epicall.pbx.load.LoadReport;
import org.epicall.pbx.load.RawAmiLoadClient;
import org.epicall.survey.call.DialRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code epicall bench dialer}: the dialer against the PBX simulator (in a child JVM, so that memory
 * figures are the dialer's), then a raw-socket AMI client against the same simulator at the same
 * target, then 10,000 concurrent survey calls in one dialer node.
 */
@Command(name = "dialer", mixinStandardHelpOptions = true,
        description = "Originate rate, pacing error and latency of the dialer against the PBX simulator, "
                + "beside a raw AMI client; heap per live call.")
public final class DialerBenchCommand implements Callable<Integer> {

    private static final int FEED_BATCH = 100;

    @Spec
    CommandSpec spec;

    @Option(names = "--duration", defaultValue = "30s", description = "How long each rate run lasts, e.g. 30s. Default: ${DEFAULT-VALUE}.",
            converter = DurationConverter.class)
    Duration duration;

    @Option(names = "--warmup", defaultValue = "5s", description = "Unmeasured run before each rate run, e.g. 5s. Default: ${DEFAULT-VALUE}.",
            converter = DurationConverter.class)
    Duration warmup;

    @Option(names = "--rate", defaultValue = "1500", description = "Pacing target in calls per second. Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--turns", defaultValue = "3", description = "The measured time is split into this many alternating dialer/raw turns. Default: ${DEFAULT-VALUE}.")
    int turns;

    @Option(names = "--concurrent", defaultValue = "10000", description = "Live calls for the memory figure (0 skips it). Default: ${DEFAULT-VALUE}.")
    int concurrent;

    /** Runs the benchmark without the epicall launcher. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new DialerBenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (rate <= 0 || duration.isNegative() || duration.isZero() || concurrent < 0 || turns < 1) {
            spec.commandLine().getErr().println("--rate, --duration and --turns must be positive and --concurrent at least 0");
            return 2;
        }
        Path work = Files.createTempDirectory("epicall-bench-dialer");
        // thousands of lines while the nodes close and the calls end: to a file, so the figures stand alone
        Path log = work.resolve("bench-dialer.log");
        DemoLogging.toFile(log);
        quietAsteriskJava();
        out.println("# dialer vs PBX simulator (child JVM), target " + rate + " calls/s for " + duration.toSeconds()
                + " s for each of dialer and raw client, in " + turns + " alternating turns, after " + warmup.toSeconds() + " s warm-up; " + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                + "; log in " + log);
        out.flush();
        try (SimulatorProcess pbx = SimulatorProcess.start(log)) {
            // a first node and a first raw run warm the JIT up; a fresh node (fresh meters) is measured
            interleaved(pbx, work.resolve("warmup"), warmup, 1);
            Comparison c = interleaved(pbx, work.resolve("rate"), duration, turns);
            RateFigures dialer = c.dialer();
            out.printf("achieved rate: %.1f calls/s%n", dialer.responseRate());
            out.printf("originate rate: %.1f calls/s%n", dialer.sentRate());
            out.printf("pacing error: %.2f %%%n", 100 * (dialer.sentRate() - rate) / rate);
            out.printf("originate to OriginateResponse p50: %.2f ms%n", dialer.p50Millis());
            out.printf("originate to OriginateResponse p99: %.2f ms%n", dialer.p99Millis());
            out.printf("raw AMI client rate: %.1f calls/s%n", c.raw().rate());
            out.printf("raw AMI client originate to OriginateResponse p50: %.2f ms%n", c.raw().p50Millis());
            out.printf("raw AMI client originate to OriginateResponse p99: %.2f ms%n", c.raw().p99Millis());
            out.printf("ratio to raw AMI client: %.2f%n", dialer.responseRate() / c.raw().rate());
            out.flush();
            if (concurrent > 0) {
                memoryRun(pbx, work.resolve("memory"), out);
            }
        }
        return 0;
    }

    private record RateFigures(double sentRate, double responseRate, double p50Millis, double p99Millis) {
    }

    /** The simulator's raw-socket client on a connection of its own (one run per connection). */
    private LoadReport rawRun(int amiPort, Duration window) throws IOException, InterruptedException {
        String channel = "Local/" + SimulatorProcess.BUSY + "@residents";
        try (RawAmiLoadClient raw = RawAmiLoadClient.connect("127.0.0.1", amiPort, "dialer", "secret")) {
            return raw.run(new RawAmiLoadClient.Plan(rate, window, 0, n -> channel, "survey", Duration.ofSeconds(30),
                    Duration.ofSeconds(10)));
        }
    }

    private DialerConfig config(int amiPort, Path dir, int maxChannels, double cps) {
        AmiServerConfig server = AmiServerConfig.of("sim", "127.0.0.1", amiPort, "dialer-min", "secret", maxChannels,
                "Local/{number}@residents");
        AgiConfig agi = new AgiConfig("127.0.0.1", 0, dir.resolve("recordings"), Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ofMinutes(10), 4, Duration.ofMinutes(15), null, false);
        return DialerConfig.defaults(List.of(server), dir.resolve("ledger.log"), dir.resolve("recordings"))
                .withCallsPerSecond(cps)
                .withReconnect(new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 2))
                .withMaxQueued(1_000_000)
                .withAgi(agi);
    }

    /**
     * Dialer and raw client take turns, {@code turns} times, so that both see the same mix of load
     * from whatever else the machine is doing; the figures sum over their turns.
     */
    private Comparison interleaved(SimulatorProcess pbx, Path dir, Duration window, int turns)
            throws IOException, InterruptedException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CountingSink sink = new CountingSink();
        Duration turn = window.dividedBy(turns);
        try (DialerNode node = DialerNode.start(config(pbx.amiPort(), dir, 20_000, rate), sink,
                new HoldingScripts(), meters)) {
            awaitTrue(node::anyServerUp, Duration.ofSeconds(15), "the dialer could not log in to the simulator");
            AtomicLong submitted = new AtomicLong();
            AtomicBoolean feeding = new AtomicBoolean();
            AtomicBoolean done = new AtomicBoolean();
            Instant notAfter = Instant.now().plus(1, ChronoUnit.HOURS);
            // two feeders keep about a second of calls waiting for pacing, submitting in batches as a
            // Kafka consumer would, so that one ledger fsync covers many requests
            List<Thread> feeders = IntStream.range(0, 2).mapToObj(f -> Thread.ofVirtual().start(() -> {
                while (!done.get()) {
                    if (!feeding.get() || meters.get("epicall.dialer.queue.size").gauge().value() > rate) {
                        LockSupport.parkNanos(1_000_000);
                        continue;
                    }
                    long first = submitted.getAndAdd(FEED_BATCH);
                    node.submitAll(LongStream.range(first, first + FEED_BATCH)
                            .mapToObj(n -> new DialRequest("bench-" + n, "bench", "c" + n, SimulatorProcess.BUSY, "ko",
                                    "bench", 1, notAfter))
                            .toList());
                }
            })).toList();
            Timer responses = node.originateResponseTimer();
            double sent = 0;
            double answered = 0;
            double dialerSeconds = 0;
            List<LoadReport> raw = new ArrayList<>();
            for (int i = 0; i < turns; i++) {
                feeding.set(true);
                double sent0 = originates(meters);
                long responses0 = responses.count();
                long start = System.nanoTime();
                Thread.sleep(turn.toMillis());
                dialerSeconds += (System.nanoTime() - start) / 1e9;
                sent += originates(meters) - sent0;
                answered += responses.count() - responses0;
                feeding.set(false);
                awaitTrue(() -> node.liveCalls() == 0, Duration.ofSeconds(60), "the dialer's calls did not drain");
                raw.add(rawRun(pbx.amiPort(), turn));
            }
            done.set(true);
            for (Thread feeder : feeders) {
                feeder.join();
            }
            double p50 = Double.NaN;
            double p99 = Double.NaN;
            for (ValueAtPercentile p : responses.takeSnapshot().percentileValues()) {
                if (p.percentile() == 0.5) {
                    p50 = p.value(TimeUnit.MILLISECONDS);
                } else if (p.percentile() == 0.99) {
                    p99 = p.value(TimeUnit.MILLISECONDS);
                }
            }
            return new Comparison(new RateFigures(sent / dialerSeconds, answered / dialerSeconds, p50, p99),
                    RawFigures.of(raw));
        }
    }

    private record Comparison(RateFigures dialer, RawFigures raw) {
    }

    private record RawFigures(double rate, double p50Millis, double p99Millis) {
        static RawFigures of(List<LoadReport> reports) {
            long responded = reports.stream().mapToLong(LoadReport::responded).sum();
            double seconds = reports.stream().mapToDouble(r -> r.total().toNanos() / 1e9).sum();
            long[] all = reports.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).sorted().toArray();
            return new RawFigures(responded / seconds, percentile(all, 50), percentile(all, 99));
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    private void memoryRun(SimulatorProcess pbx, Path dir, PrintWriter out) throws InterruptedException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CountingSink sink = new CountingSink();
        try (DialerNode node = DialerNode.start(config(pbx.amiPort(), dir, concurrent + 100,
                Math.min(rate, 1500)), sink, new HoldingScripts(), meters)) {
            awaitTrue(node::anyServerUp, Duration.ofSeconds(15), "the dialer could not log in to the simulator");
            long before = settledHeap();
            Instant notAfter = Instant.now().plus(1, ChronoUnit.HOURS);
            for (int i = 0; i < concurrent; i++) {
                node.submit(new DialRequest("hold-" + i, "bench", "c" + i, SimulatorProcess.SILENT, "ko", "bench", 1,
                        notAfter));
            }
            awaitTrue(() -> node.activeSurveySessions() >= concurrent, Duration.ofMinutes(3),
                    "only " + node.activeSurveySessions() + " of " + concurrent + " calls reached their survey");
            long during = settledHeap();
            out.printf("live calls: %d calls%n", node.liveCalls());
            out.printf("heap before calls: %.1f MiB%n", before / 1048576.0);
            out.printf("heap with live calls: %.1f MiB%n", during / 1048576.0);
            out.printf("memory per live call: %.1f KiB%n", (during - before) / 1024.0 / concurrent);
            out.flush();
        }
    }

    /**
     * asterisk-java logs a WARN with the whole event for every event it calls "slowly processed",
     * which under load costs more than the processing; keep its ERRORs only. Done through
     * reflection so the dialer does not depend on logback; with another SLF4J provider nothing
     * changes.
     */
    private static void quietAsteriskJava() {
        Object logger = org.slf4j.LoggerFactory.getLogger("org.asteriskjava");
        try {
            Class<?> level = Class.forName("ch.qos.logback.classic.Level");
            logger.getClass().getMethod("setLevel", level).invoke(logger, level.getField("ERROR").get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not logback: leave the provider's configuration alone
        }
    }

    private static double originates(SimpleMeterRegistry meters) {
        return meters.find("epicall.dialer.originates").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static long settledHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout, String failure) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(failure);
            }
            Thread.sleep(20);
        }
    }
}
