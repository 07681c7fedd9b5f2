package org.epicall.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.epicall.app.EpicallCommand;
import org.epicall.app.demo.progress.DemoProgress;
import org.epicall.app.demo.progress.ProgressDisplay;
import org.epicall.app.demo.summary.DemoSummary;
import org.epicall.campaign.lifecycle.Campaign;
import org.epicall.campaign.prompt.PromptRenderer;
import org.epicall.messaging.EventJson;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.TopicSnapshot;
import org.epicall.messaging.Topics;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.DialRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code epicall demo --keep} after a crash (issue 10): {@code epicall demo} runs in a process of its own and is
 * killed with SIGKILL part-way through its campaign; {@code demo --keep} on the same data directory then resumes
 * that campaign instead of creating a second one for the same roster, which would call every resident again,
 * at the same time. Residents answer on the keypad, hang up, are busy or do not answer (no recognition).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoKeepAfterCrashTest {

    private static final int RESIDENTS = 60;
    private static final long SEED = 4242;
    /** Calls the first run reports before it is killed. */
    private static final int KILLED_AFTER = 8;
    /**
     * How long the resumed run goes on. Not every resident is accounted for by then: an attempt the killed dialer
     * had taken but not dialed is retried only once overdue (the dispatch TTL, 10 min, plus the longest call).
     * Long enough for the broker to drop the killed dialer from the consumer group (45 s after the kill) and hand
     * the retries to the new one: with 30 s, the resumed run placed no call.
     */
    private static final Duration SECOND_RUN = Duration.ofSeconds(60);
    private static final Pattern KAFKA = Pattern.compile("kafka\\s+in-process KRaft broker at (\\S+),");
    private static final Pattern CAMPAIGN = Pattern.compile("campaign\\s+(\\S+): \\d+ residents");

    private String crashedCampaign;
    private long dialedBeforeTheCrash;
    private long reportedBeforeTheCrash;
    private Instant killedAt;
    private String resumedCampaign;
    private List<Campaign> campaigns;
    private DemoProgress finalProgress;
    private DemoSummary summary;
    private List<DialRequest> dialRequests;
    private List<AttemptResult> attempts;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeAll
    void crashTheDemoAndRunItAgainWithKeep(@TempDir Path dir) throws Exception {
        // The demo renders its campaign's prompts before it starts it.
        Assumptions.assumeTrue(PromptRenderer.unavailableBecause().isEmpty(),
                () -> PromptRenderer.unavailableBecause().orElse(""));
        long began = System.nanoTime();
        Path data = dir.resolve("demo");
        crashPartWay(data);

        DemoSettings settings = new DemoSettings(RESIDENTS, DemoSettings.Population.KEYPAD, SEED, 40, 0, data, true,
                false, 10, 8, 3, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMinutes(60),
                SECOND_RUN);
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        try (DemoRunner demo = new DemoRunner(settings, out, Clock.systemUTC())) {
            demo.start();
            resumedCampaign = demo.campaignId();
            demo.launch();
            finalProgress = demo.awaitFinished(ProgressDisplay.forConsole(out, false, Duration.ofSeconds(5)));
            summary = demo.summary();
            campaigns = demo.campaigns();
            EventJson json = new EventJson();
            dialRequests = TopicSnapshot.values(KafkaConnection.plaintext(demo.bootstrapServers()), Topics.DIAL_REQUESTS).stream()
                    .map(json::readDialRequest).toList();
            attempts = TopicSnapshot.values(KafkaConnection.plaintext(demo.bootstrapServers()), Topics.CALL_ATTEMPTS).stream()
                    .map(json::readCallAttempt).toList();
        }
        System.out.printf("demo --keep after a crash: killed after %d dial requests and %d calls reported, resumed %s,"
                        + " %s; %.1f s%n", dialedBeforeTheCrash, reportedBeforeTheCrash, resumedCampaign, finalProgress, (System.nanoTime() - began) / 1e9);
    }

    @AfterAll
    void printTheSecondRun() {
        System.out.println(console.toString(StandardCharsets.UTF_8));
    }

    /** {@code epicall demo} in a JVM of its own, SIGKILLed once a third of the roster has been dialed. */
    private void crashPartWay(Path data) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EpicallCommand.class.getName(), "demo",
                "--population", "KEYPAD", "--residents", String.valueOf(RESIDENTS), "--seed", String.valueOf(SEED),
                "--time-scale", "40", "--port", "0", "--data-dir", data.toString(), "--calls-per-second", "10",
                "--max-channels", "8", "--retry-busy", "2s", "--retry-no-answer", "2s", "--timeout", "3m"));
        Process demo = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> kafka = new CompletableFuture<>();
        CompletableFuture<String> campaign = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    complete(KAFKA.matcher(line), kafka);
                    complete(CAMPAIGN.matcher(line), campaign);
                }
            } catch (java.io.IOException e) {
                // the process was killed
            }
        });
        try {
            String bootstrap = kafka.get(3, TimeUnit.MINUTES);
            crashedCampaign = campaign.get(3, TimeUnit.MINUTES);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> TopicSnapshot.endOffsets(KafkaConnection.plaintext(bootstrap), List.of(Topics.CALL_ATTEMPTS))
                            .get(Topics.CALL_ATTEMPTS) >= KILLED_AFTER);
            Map<String, Long> offsets = TopicSnapshot.endOffsets(KafkaConnection.plaintext(bootstrap), List.of(Topics.DIAL_REQUESTS, Topics.CALL_ATTEMPTS));
            dialedBeforeTheCrash = offsets.get(Topics.DIAL_REQUESTS);
            reportedBeforeTheCrash = offsets.get(Topics.CALL_ATTEMPTS);
        } catch (Exception | AssertionError e) {
            synchronized (output) {
                throw new AssertionError("the first demo run did not get under way:\n" + output, e);
            }
        } finally {
            killedAt = Instant.now();
            demo.destroyForcibly();
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void complete(Matcher m, CompletableFuture<String> value) {
        if (m.find()) {
            value.complete(m.group(1));
        }
    }

    @Test
    void theCrashCameBeforeEveryResidentWasCalled() {
        assertThat(reportedBeforeTheCrash).isBetween((long) KILLED_AFTER, (long) RESIDENTS - 1);
    }

    @Test
    void resumesTheCampaignTheCrashedRunLeftUnfinished() {
        assertThat(resumedCampaign).isEqualTo(crashedCampaign);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("resuming " + crashedCampaign);
    }

    @Test
    void createsNoSecondCampaignForTheSameRoster() {
        assertThat(campaigns).extracting(Campaign::id).containsExactly(crashedCampaign);
        assertThat(dialRequests).extracting(DialRequest::campaignId).containsOnly(crashedCampaign);
    }

    @Test
    void theResumedRunGoesOnCallingTheCampaignsResidents() {
        // Calls the crash cut off come back as interrupted and are retried: the kept campaign is running again.
        assertThat(attempts).as(console.toString(StandardCharsets.UTF_8)).anyMatch(a -> a.originatedAt() != null
                && a.originatedAt().isAfter(killedAt));
    }

    @Test
    void noResidentIsDialedByTwoCampaigns() {
        Map<String, Set<String>> campaignsPerNumber = dialRequests.stream().collect(Collectors.groupingBy(
                DialRequest::phoneNumber, Collectors.mapping(DialRequest::campaignId, Collectors.toSet())));
        assertThat(campaignsPerNumber).hasSize(RESIDENTS)
                .allSatisfy((number, theirs) -> assertThat(theirs).as(number).hasSize(1));
    }

    @Test
    void noNumberIsInTwoCallsAtOnceAcrossBothRuns() {
        Map<String, String> numberOf = new HashMap<>();
        dialRequests.forEach(r -> numberOf.put(r.attemptId(), r.phoneNumber()));
        Map<String, List<AttemptResult>> callsPerNumber = attempts.stream().filter(a -> a.originatedAt() != null)
                .collect(Collectors.groupingBy(a -> numberOf.getOrDefault(a.attemptId(), a.contactRef())));
        assertThat(attempts).as("attempts reported from the first run, before the crash")
                .anyMatch(a -> a.originatedAt() != null && a.endedAt().isBefore(killedAt));
        callsPerNumber.forEach((number, calls) -> {
            List<AttemptResult> ordered = calls.stream().collect(Collectors.toMap(AttemptResult::attemptId, a -> a,
                    (a, b) -> a)).values().stream().sorted(Comparator.comparing(AttemptResult::originatedAt)).toList();
            for (int i = 1; i < ordered.size(); i++) {
                assertThat(ordered.get(i).originatedAt()).as(number + ": " + ordered)
                        .isAfterOrEqualTo(ordered.get(i - 1).endedAt());
            }
        });
    }

    @Test
    void theSummaryFindsNoOverlappingAttemptAndNoneOverTheCap() {
        assertThat(summary.audit().overlapping()).isEmpty();
        assertThat(summary.audit().overCap()).isEmpty();
        assertThat(summary.audit().mostAttempts()).isLessThanOrEqualTo(3);
    }
}
