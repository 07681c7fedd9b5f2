package org.epicall.app.bench.scale;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.epicall.messaging.DialRequestPublisher;
import org.epicall.messaging.EventJson;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.Topics;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.DialRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code epicall bench scale}: completed calls per second and CPU-seconds per 1,000 originates with 1, 2 and 3
 * dialer processes ({@code epicall dialer}) in one consumer group against two PBX simulators (processes too),
 * beside the single-process figure measured in the same run. Each run feeds the same number of dial requests
 * straight to Kafka (the campaign service is not what is measured) for residents who answer and go through the
 * shipped questionnaire on the keypad (no recognition), and counts until every attempt is reported.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Completed calls/s and CPU per 1,000 originates with 1, 2 and 3 dialer processes against two"
                + " simulators, beside the single-process figure.")
public final class ScaleBenchCommand implements Callable<Integer> {

    private static final Pattern READY_KAFKA = Pattern.compile("Kafka broker ready at (\\S+)");
    private static final Pattern READY_PBX = Pattern.compile("PBX simulator ready: AMI on [^:]+:(\\d+)");
    private static final Duration START = Duration.ofMinutes(3);

    @Spec
    CommandSpec spec;

    @Option(names = "--calls", defaultValue = "3000", description = "Dial requests per run (default ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--nodes", defaultValue = "1,2,3", split = ",",
            description = "Dialer processes per run, the first the baseline (default ${DEFAULT-VALUE}).")
    List<Integer> nodes;

    @Option(names = "--time-scale", defaultValue = "100",
            description = "How much faster than real time the simulated residents act (default ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(names = "--timeout", defaultValue = "10", description = "Minutes a run may take (default ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (calls < 1 || nodes.isEmpty() || nodes.stream().anyMatch(n -> n < 1)) {
            spec.commandLine().getErr().println("--calls and every --nodes must be at least 1");
            return 2;
        }
        Path work = Files.createTempDirectory("epicall-bench-scale");
        Path logs = Files.createDirectories(work.resolve("logs"));
        EpicallProcess.Launcher epicall = EpicallProcess.Launcher.thisProcess();
        out.printf(Locale.ROOT, "# %d calls per run, keypad surveys of the shipped questionnaire, 2 simulators, time x%s;"
                        + " %d cores, load average %.2f; logs in %s%n", calls, timeScale,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), logs);
        out.flush();
        List<EpicallProcess> stack = new ArrayList<>();
        try {
            EpicallProcess kafka = EpicallProcess.start(epicall, "kafka", logs, Map.of(), "kafka", "broker",
                    "--data-dir", work.resolve("kafka").toString(), "--port", "0", "--partitions", "6");
            stack.add(kafka);
            String bootstrap = kafka.awaitLine(READY_KAFKA, START).group(1);
            Path personas = Residents.keypad(work.resolve("residents.yaml"), nodes.size() * calls);
            List<Integer> amiPorts = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                EpicallProcess pbx = EpicallProcess.start(epicall, "pbx-" + i, logs, Map.of(), "pbx-sim",
                        "--ami-port", "0", "--agi", "${EPICALL_AGI}", "--personas", personas.toString(),
                        "--time-scale", String.valueOf(timeScale), "--missing-sounds", "PLAY", "--max-calls", "0");
                stack.add(pbx);
                amiPorts.add(Integer.parseInt(pbx.awaitLine(READY_PBX, START).group(1)));
            }
            Run baseline = null;
            int firstResident = 0;
            for (int n : nodes) {
                Run run = run(epicall, work, logs, bootstrap, amiPorts, stack, n, firstResident);
                firstResident += calls;
                String label = n + (n == 1 ? " dialer process" : " dialer processes");
                out.printf(Locale.ROOT, "%s: completed calls: %.1f calls/s%n", label, run.rate());
                out.printf(Locale.ROOT, "%s: cpu per 1000 originates: %.2f cpu-s (dialers), %.2f cpu-s (simulators and"
                        + " broker)%n", label, run.dialerCpuPerThousand(), run.restCpuPerThousand());
                if (baseline == null) {
                    baseline = run;
                } else {
                    out.printf(Locale.ROOT, "%s: throughput per node added: %.2f of the single process%n", label,
                            (run.rate() - baseline.rate()) / (n - baseline.nodes()) / baseline.rate());
                }
                out.flush();
            }
            return 0;
        } finally {
            stack.forEach(EpicallProcess::terminate);
            for (EpicallProcess p : stack) {
                p.close();
            }
        }
    }

    private record Run(int nodes, double rate, double dialerCpuPerThousand, double restCpuPerThousand) {
    }

    /** Starts {@code n} dialers, feeds {@link #calls} requests, waits for every report, stops the dialers. */
    private Run run(EpicallProcess.Launcher epicall, Path work, Path logs, String bootstrap, List<Integer> amiPorts,
                    List<EpicallProcess> stack, int n, int firstResident) throws Exception {
        List<EpicallProcess> dialers = new ArrayList<>();
        List<Integer> httpPorts = new ArrayList<>();
        try {
            for (int i = 1; i <= n; i++) {
                int http = freePort();
                httpPorts.add(http);
                dialers.add(EpicallProcess.start(epicall, "dialer-" + n + "-" + i, logs,
                        dialerEnvironment(work.resolve("dialer-" + n + "-" + i), bootstrap, amiPorts, http), "dialer"));
            }
            for (int port : httpPorts) {
                awaitReady(port, dialers);
            }
            Map<EpicallProcess, Duration> before = new LinkedHashMap<>();
            dialers.forEach(d -> before.put(d, d.cpu()));
            Map<EpicallProcess, Duration> restBefore = new LinkedHashMap<>();
            stack.forEach(p -> restBefore.put(p, p.cpu()));
            try (Reports reports = Reports.from(bootstrap)) {
                Instant start = Instant.now();
                publish(bootstrap, firstResident, "n" + n + "-");
                Instant last = reports.await(calls, Duration.ofMinutes(timeoutMinutes));
                double seconds = Duration.between(start, last).toNanos() / 1e9;
                return new Run(n, calls / seconds, cpuSince(before) / calls * 1000, cpuSince(restBefore) / calls * 1000);
            }
        } finally {
            dialers.forEach(EpicallProcess::terminate);
            for (EpicallProcess d : dialers) {
                d.close();
            }
        }
    }

    private static double cpuSince(Map<EpicallProcess, Duration> before) {
        return before.entrySet().stream().mapToDouble(e -> e.getKey().cpu().minus(e.getValue()).toNanos() / 1e9).sum();
    }

    private Map<String, String> dialerEnvironment(Path dir, String bootstrap, List<Integer> amiPorts, int httpPort) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int s = 0; s < amiPorts.size(); s++) {
            String prefix = "EPICALL_DIALER_SERVERS_" + s + "_";
            env.put(prefix + "NAME", "pbx-" + (s + 1));
            env.put(prefix + "HOST", "127.0.0.1");
            env.put(prefix + "AMI_PORT", String.valueOf(amiPorts.get(s)));
            env.put(prefix + "USERNAME", "dialer-min");
            env.put(prefix + "SECRET", "secret");
            env.put(prefix + "MAX_CHANNELS", "2000");
            env.put(prefix + "DIAL_TEMPLATE", "Local/{number}@residents");
        }
        env.put("EPICALL_DIALER_AGI_BIND_ADDRESS", "127.0.0.1");
        env.put("EPICALL_DIALER_AGI_PORT", "0"); // each call names the port bound: the dialplan runs AGI(${EPICALL_AGI})
        env.put("EPICALL_DIALER_RECORDINGS_DIR", dir.resolve("recordings").toString());
        env.put("EPICALL_DIALER_LEDGER_DIR", dir.resolve("ledger").toString());
        env.put("EPICALL_DIALER_OUTBOX_DIR", dir.resolve("outbox").toString());
        env.put("EPICALL_DIALER_CALLS_PER_SECOND", "2000");
        env.put("EPICALL_DIALER_SHUTDOWN_GRACE", "2s");
        env.put("EPICALL_DIALER_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("SERVER_PORT", String.valueOf(httpPort));
        return env;
    }

    private void publish(String bootstrap, int firstResident, String prefix) throws Exception {
        Instant notAfter = Instant.now().plus(Duration.ofMinutes(timeoutMinutes));
        try (DialRequestPublisher publisher = new DialRequestPublisher(KafkaConnection.plaintext(bootstrap))) {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int resident = firstResident + i;
                sent.add(publisher.publish(new DialRequest(prefix + i + "-" + UUID.randomUUID(), "bench-scale",
                        "contact-" + resident, Residents.number(resident), "ko", "covid-checkin", 1, notAfter)));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
        }
    }

    private static void awaitReady(int port, List<EpicallProcess> dialers) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health/readiness")).build();
        long end = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            for (EpicallProcess d : dialers) {
                if (!d.alive()) {
                    throw new IllegalStateException(d.name() + " ended:\n" + d.tail());
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("a dialer was not ready within " + START);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the attempt reports from the end the topic had when the run began. */
    private static final class Reports implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final EventJson json = new EventJson();

        private Reports(KafkaConsumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
        }

        static Reports from(String bootstrap) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CALL_ATTEMPTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            return new Reports(consumer);
        }

        /** Waits for {@code count} distinct attempts; the time the last arrived. */
        Instant await(int count, Duration timeout) {
            Set<String> seen = new HashSet<>();
            Instant last = Instant.now();
            long end = System.nanoTime() + timeout.toNanos();
            while (seen.size() < count) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("only " + seen.size() + " of " + count + " attempts reported within "
                            + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    AttemptResult result = json.readCallAttempt(r.value());
                    if (seen.add(result.attemptId())) {
                        last = Instant.now();
                    }
                }
            }
            return last;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
