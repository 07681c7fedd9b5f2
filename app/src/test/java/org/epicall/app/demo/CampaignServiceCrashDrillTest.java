package org.epicall.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.epicall.app.demo.stack.CampaignSettings;
import org.epicall.app.demo.stack.EmbeddedDialer;
import org.epicall.app.demo.stack.EmbeddedKafka;
import org.epicall.app.demo.stack.EmbeddedPbx;
import org.epicall.app.demo.summary.AttemptAudit;
import org.epicall.app.demo.summary.AttemptRecord;
import org.epicall.app.demo.summary.AuditFindings;
import org.epicall.campaign.CampaignApplication;
import org.epicall.campaign.prompt.PromptRenderer;
import org.epicall.messaging.EventJson;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.SurveyResultEvent;
import org.epicall.messaging.TopicSnapshot;
import org.epicall.messaging.Topics;
import org.epicall.pbx.call.Channel;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.prompt.PromptIds;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash drill: a 500-resident campaign on H2 whose campaign service, a separate process, is killed
 * with SIGKILL three times at random moments and restarted on the same data, while the dialer and the PBX
 * simulator go on. Residents answer on the keypad or hang up, a few answer by voice. Afterwards, from
 * the topics and what the simulator saw: no result lost, no resident called more than the cap, never two
 * calls at one resident at once, no call outside the calling window, and every resident accounted for.
 */
class CampaignServiceCrashDrillTest {

    private static final int RESIDENTS = 500;
    private static final int MAX_ATTEMPTS = 3;
    private static final String TOKEN = "crash-drill-token";
    private static final Pattern RESIDENT_CHANNEL = Pattern.compile("Local/\\+?(\\d+)@residents-[^;]*;1");

    @TempDir Path dir;
    /** The campaign service's logs, kept for a failed drill. */
    private final Path logs = Path.of("target", "crash-drill");

    @Test
    void noResultLostNoExtraNoOverlappingNoLateCallAcrossThreeKills() throws Exception {
        // A campaign starts only with its prompts, which the demo renders as a deployment would.
        Assumptions.assumeTrue(PromptRenderer.unavailableBecause().isEmpty(),
                () -> PromptRenderer.unavailableBecause().orElse(""));
        long seed = Long.getLong("epicall.drill.seed", System.nanoTime());
        Random random = new Random(seed);
        Instant began = Instant.now();
        List<Resident> residents = DemoPopulation.generate(RESIDENTS, seed, Map.of(
                Behaviour.KEYPAD_ONLY, 70, Behaviour.HANGUP_AT_QUESTION, 10, Behaviour.BUSY, 8,
                Behaviour.NO_ANSWER, 5, Behaviour.REJECTED, 2, Behaviour.ANSWER, 5));
        DemoWindow window = DemoWindow.around(Instant.now(), ZoneId.of(DemoRoster.ZONE), Duration.ofMinutes(60));
        Map<CallOutcome, Duration> retryDelays = Map.of(CallOutcome.BUSY, Duration.ofSeconds(3),
                CallOutcome.NO_ANSWER, Duration.ofSeconds(3), CallOutcome.CONGESTION, Duration.ofSeconds(3),
                CallOutcome.UNREACHABLE_SERVER, Duration.ofSeconds(3));
        int port = freePort();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
             EmbeddedPbx pbx = EmbeddedPbx.start(residents, 40, dir);
             EmbeddedDialer dialer = EmbeddedDialer.start(new EmbeddedDialer.Settings(dir.resolve("dialer"),
                     pbx.amiPort(), 50, 60, kafka.bootstrapServers()));
             OverlapWatch overlaps = OverlapWatch.start(pbx)) {
            phase(began, "broker, simulator and dialer up");
            CampaignSettings settings = new CampaignSettings(port, dir.resolve("campaign"),
                    dir.resolve("dialer").resolve("recordings"), dir.resolve(PromptIds.SOUNDS_DIR),
                    kafka.bootstrapServers(), window.start(), window.end(),
                    retryDelays, MAX_ATTEMPTS, Duration.ofMillis(250), Duration.ofMinutes(2), "official",
                    "drill-password");
            List<String> args = arguments(settings);
            Files.createDirectories(logs);
            Service service = Service.start(args, logs.resolve("service-0.log"));
            service.awaitUp(port);
            phase(began, "campaign service up");
            Path roster = DemoRoster.write(dir.resolve("roster.csv"), DemoPopulation.rosterRows(residents));
            String id = createAndStart(port, roster);
            phase(began, "campaign created and started");

            List<Duration> killedAfter = new ArrayList<>();
            for (int kill = 1; kill <= 3; kill++) {
                Duration wait = Duration.ofMillis(1_000 + random.nextInt(5_000));
                Thread.sleep(wait.toMillis());
                killedAfter.add(wait);
                service.kill();
                service = Service.start(args, logs.resolve("service-" + kill + ".log"));
                service.awaitUp(port);
                phase(began, "killed and up again: " + kill);
            }
            EventJson json = new EventJson();
            Set<String> published = new HashSet<>();
            Set<String> stored = new HashSet<>();
            try {
                await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> open(port, id) == 0);
                phase(began, "every resident accounted for");
                // Every resident is accounted for; the results consumer may still be catching up after the restart.
                TopicSnapshot.values(KafkaConnection.plaintext(kafka.bootstrapServers()), Topics.SURVEY_RESULTS).stream().map(json::readSurveyResult)
                        .filter(r -> r.campaignId().equals(id)).map(SurveyResultEvent::attemptId).forEach(published::add);
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                    stored.clear();
                    stored.addAll(storedResults(port, id));
                    return stored.containsAll(published);
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // Reported by the assertions below, with the results that are missing.
            } finally {
                service.kill();
            }

            List<AttemptResult> attempts = TopicSnapshot.values(KafkaConnection.plaintext(kafka.bootstrapServers()), Topics.CALL_ATTEMPTS).stream()
                    .map(json::readCallAttempt).filter(a -> a.campaignId().equals(id)).toList();
            Map<String, AttemptRecord> unique = new HashMap<>();
            attempts.forEach(a -> unique.putIfAbsent(a.attemptId(), new AttemptRecord(a.attemptId(), a.contactRef(),
                    a.outcome(), a.originatedAt(), a.endedAt())));
            AuditFindings audit = new AttemptAudit(window.zone(), window.start(), window.end(), retryDelays, MAX_ATTEMPTS)
                    .audit(unique.values());

            System.out.printf("crash drill (seed %d): %d residents, killed after %s, %d attempts, %d results,"
                            + " %.1f s%n", seed, RESIDENTS, killedAfter, unique.size(), published.size(),
                    Duration.between(began, Instant.now()).toMillis() / 1000.0);
            assertThat(published).as("results on the topic the restarted service never stored").isSubsetOf(stored);
            assertThat(audit.overCap()).as("residents called more often than the cap").isEmpty();
            assertThat(audit.outsideWindow()).as("calls outside the calling window").isEmpty();
            assertThat(overlaps.callsSeen()).as("resident calls the watch saw in the simulator").isGreaterThan(RESIDENTS / 2);
            assertThat(overlaps.seen()).as("numbers the simulator saw in two calls at once").isEmpty();
            assertThat(audit.overlapping()).as("overlapping attempts on the topic: %s", attempts.stream()
                    .filter(a -> audit.overlapping().stream().anyMatch(o -> o.contains(a.attemptId())))
                    .map(a -> a.attemptId() + " " + a.contactRef() + " " + a.outcome() + " " + a.originatedAt() + ".."
                            + a.endedAt() + " " + a.detail()).toList()).isEmpty();
        }
    }

    private static void phase(Instant began, String what) {
        System.out.printf("crash drill: %6.1f s %s%n", Duration.between(began, Instant.now()).toMillis() / 1000.0, what);
    }

    private static List<String> arguments(CampaignSettings settings) {
        List<String> args = new ArrayList<>();
        settings.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--epicall.campaign.security.users[0].api-tokens[0]="
                + org.epicall.campaign.auth.ApiTokens.configured(TOKEN));
        args.add("--epicall.campaign.schedule.dispatch-ttl=10s");
        args.add("--logging.level.root=warn");
        return args;
    }

    private static String createAndStart(int port, Path roster) throws Exception {
        String boundary = "drill-" + System.nanoTime();
        String questionnaire = new String(DemoPopulation.class.getClassLoader()
                .getResourceAsStream("questionnaires/covid-checkin.yaml").readAllBytes(), StandardCharsets.UTF_8);
        String body = part(boundary, "name", null, "Crash drill") + part(boundary, "wait", null, "true")
                + part(boundary, "roster", "roster.csv", Files.readString(roster))
                + part(boundary, "questionnaire", "covid-checkin.yaml", questionnaire) + "--" + boundary + "--\r\n";
        HttpResponse<String> created = send(port, HttpRequest.newBuilder(uri(port, "/api/campaigns"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
        assertThat(id.find()).isTrue();
        // Its prompts rendered as an official would have them, into the simulator's sounds/epicall.
        HttpResponse<String> rendered = send(port, HttpRequest.newBuilder(uri(port, "/api/campaigns/" + id.group(1)
                + "/prompts/render")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(rendered.statusCode()).as(rendered.body()).isEqualTo(200);
        HttpResponse<String> started = send(port, HttpRequest.newBuilder(uri(port, "/api/campaigns/" + id.group(1) + "/start"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        return id.group(1);
    }

    private static String part(String boundary, String name, String file, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (file == null ? "" : "; filename=\"" + file + "\"") + "\r\n\r\n" + content + "\r\n";
    }

    /** Residents pending, dialing or retrying. */
    private static long open(int port, String id) throws Exception {
        HttpResponse<String> progress = send(port, HttpRequest.newBuilder(uri(port, "/api/campaigns/" + id + "/progress")).GET());
        long open = 0;
        for (String field : List.of("pending", "dialing", "retrying")) {
            Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(progress.body());
            open += m.find() ? Long.parseLong(m.group(1)) : 1;
        }
        return open;
    }

    private static Set<String> storedResults(int port, String id) throws Exception {
        Set<String> stored = new HashSet<>();
        for (int offset = 0; ; offset += 1000) {
            HttpResponse<String> page = send(port, HttpRequest.newBuilder(
                    uri(port, "/api/campaigns/" + id + "/results?limit=1000&offset=" + offset)).GET());
            Matcher m = Pattern.compile("\"attemptId\":\"([^\"]+)\"").matcher(page.body());
            int before = stored.size();
            while (m.find()) {
                stored.add(m.group(1));
            }
            if (stored.size() - before < 1000) {
                return stored;
            }
        }
    }

    private static HttpResponse<String> send(int port, HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The campaign service in a JVM of its own, on this test's class path. */
    private record Service(Process process) {

        static Service start(List<String> args, Path log) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CampaignApplication.class.getName()));
            command.addAll(args);
            return new Service(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }

        void awaitUp(int port) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> {
                        assertThat(process.isAlive()).as("the campaign service process").isTrue();
                        return send(port, HttpRequest.newBuilder(uri(port, "/api/me")).GET()).statusCode() == 200;
                    });
        }

        /** SIGKILL: no shutdown hook runs, nothing is flushed. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Polls the simulator's live channels and notes every number found in two calls at once. */
    private static final class OverlapWatch implements AutoCloseable {

        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final Set<String> calls = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        private OverlapWatch(EmbeddedPbx pbx) {
            thread = Thread.ofPlatform().daemon().name("overlap-watch").start(() -> {
                while (running.get()) {
                    Map<String, Integer> calls = new HashMap<>();
                    for (Channel channel : pbx.channels()) {
                        Matcher m = RESIDENT_CHANNEL.matcher(channel.name());
                        if (m.matches()) {
                            calls.merge(m.group(1), 1, Integer::sum);
                            this.calls.add(channel.name());
                        }
                    }
                    calls.forEach((number, count) -> {
                        if (count > 1) {
                            seen.add(number);
                        }
                    });
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static OverlapWatch start(EmbeddedPbx pbx) {
            return new OverlapWatch(pbx);
        }

        Set<String> seen() {
            return Set.copyOf(seen);
        }

        int callsSeen() {
            return calls.size();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }
    }
}
