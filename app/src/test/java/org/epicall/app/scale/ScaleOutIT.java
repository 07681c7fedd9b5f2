package org.epicall.app.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.epicall.app.bench.scale.EpicallProcess;
import org.epicall.app.deploy.ComposeFile;
import org.epicall.campaign.auth.ApiTokens;
import org.epicall.campaign.prompt.PromptRenderer;
import org.epicall.campaign.testsupport.ThrowawayPostgres;
import org.epicall.dialer.internal.CallIds;
import org.epicall.messaging.EventJson;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.SurveyResultEvent;
import org.epicall.messaging.TopicSnapshot;
import org.epicall.messaging.Topics;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.DialRequest;
import org.epicall.survey.prompt.PromptIds;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Scale-out with processes, not threads: the processes docker-compose.yml describes, with its environment
 * variables pointed at localhost, run from the packaged jar: one Kafka broker, two PBX simulators standing in
 * for two Asterisk servers (with deploy/asterisk's manager.conf and its AGI(${EPICALL_AGI}) dialplan), two
 * campaign services on one PostgreSQL (one on H2 where PostgreSQL is not installed), and three dialer
 * services in one consumer group. A campaign of 2,000 residents runs; part-way through, one dialer is killed
 * with SIGKILL and another is added, and the killed one is started again on its own state, as an orchestrator
 * would. Then, from the simulators' call detail records and the topics: every resident accounted for, no
 * attempt dialed twice, no two calls to one resident at once, no result lost or contradicting another, no
 * attempt published twice. Residents answer on the keypad, hang up, are busy or do not answer; one in fifty
 * answers by voice (recognition costs about 0.1 CPU-s an answer). Where espeak-ng and sox are installed, the
 * campaign is first refused for want of prompt recordings, then one campaign service renders them into the
 * prompts directory both share and the simulators play (as Asterisk's sounds/epicall), and the other starts it:
 * no prompt a dialer asks for may be missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutIT {

    /** The application jar the package phase built. */
    private static final Path JAR = Path.of("target", "epicall.jar").toAbsolutePath();
    private static final int RESIDENTS = 2000;
    private static final int MAX_ATTEMPTS = 3;
    private static final double TIME_SCALE = 100;
    private static final Duration CAMPAIGN_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern READY_KAFKA = Pattern.compile("Kafka broker ready at (\\S+)");
    private static final Pattern READY_PBX = Pattern.compile("PBX simulator ready: AMI on [^:]+:(\\d+)");

    private Path dir;
    private Path logs;
    private ThrowawayPostgres postgres;
    private final List<EpicallProcess> processes = new ArrayList<>();
    private final Map<String, Map<String, String>> dialerEnvironments = new LinkedHashMap<>();
    private final List<Integer> dialerPorts = new ArrayList<>();
    private String bootstrapServers;
    private ComposeFile compose;
    private List<Integer> amiPorts;
    private CampaignApi api;
    private List<CampaignApi> apis;
    private String token;
    private String campaignId;
    private int campaignServices;
    private JsonNode finalProgress;
    private long parkedUntilTomorrow;
    private Duration campaignTook;
    private List<CallRecord> calls;
    private List<DialRequest> dialRequests;
    private List<AttemptResult> attempts;
    private List<SurveyResultEvent> surveys;
    /** Whether the campaign's prompts were rendered (espeak-ng and sox here) and the simulators play them. */
    private boolean promptsRendered;
    private String refusedStart;
    private int promptsRenderedCount;

    /** One line of a simulator's call detail records. */
    private record CallRecord(String pbx, Instant start, Instant end, String number, String attemptId) {
    }

    @BeforeAll
    void runTheCampaign() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "no " + JAR + ": run after package");
        // kept after the run (mvn clean removes it): each process's log, the call detail records, the data
        dir = Path.of("target", "scale-out").toAbsolutePath();
        deleteRecursively(dir);
        logs = Files.createDirectories(dir.resolve("logs"));
        long began = System.nanoTime();
        try {
            startTheStack();
            Instant launched = launchTheCampaign();
            awaitTheCampaign(launched);
            readWhatHappened();
        } finally {
            System.out.printf("ScaleOutIT: %d residents, %d campaign services, %s; whole run %d s; logs in %s%n",
                    RESIDENTS, campaignServices, campaignTook == null ? "did not finish" : "campaign "
                            + campaignTook.toSeconds() + " s", Duration.ofNanos(System.nanoTime() - began).toSeconds(),
                    logs);
        }
    }

    @AfterAll
    void stopEverything() throws Exception {
        System.out.println("ScaleOutIT cpu: " + processes.stream().filter(EpicallProcess::alive)
                .map(p -> p.name() + " " + p.cpu().toSeconds() + " s").collect(Collectors.joining(", ")));
        // all at once, as docker compose down does: SIGTERM to each, then wait for each
        processes.forEach(EpicallProcess::terminate);
        for (EpicallProcess p : processes.reversed()) {
            p.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyResidentIsAccountedFor() {
        long accounted = finalProgress.path("completed").asLong() + finalProgress.path("failed").asLong()
                + finalProgress.path("exhausted").asLong();
        assertThat(accounted + parkedUntilTomorrow).as(finalProgress + ", " + parkedUntilTomorrow
                + " waiting for tomorrow").isEqualTo(RESIDENTS);
        assertThat(finalProgress.path("retrying").asLong()).isEqualTo(parkedUntilTomorrow);
        assertThat(finalProgress.path("completed").asLong()).isPositive();
    }

    @Test
    void noAttemptIsDialedTwiceAcrossNodesAndServers() {
        Map<String, Long> dialed = calls.stream().collect(Collectors.groupingBy(CallRecord::attemptId, Collectors.counting()));
        assertThat(dialed).allSatisfy((attempt, times) -> assertThat(times).as(attempt).isOne());
        assertThat(calls).extracting(CallRecord::pbx).contains("pbx-1", "pbx-2");
    }

    @Test
    void noResidentIsInTwoCallsAtOnce() {
        Map<String, List<CallRecord>> byNumber = calls.stream().collect(Collectors.groupingBy(CallRecord::number));
        byNumber.forEach((number, theirs) -> {
            List<CallRecord> ordered = theirs.stream().sorted(Comparator.comparing(CallRecord::start)).toList();
            for (int i = 1; i < ordered.size(); i++) {
                assertThat(ordered.get(i).start()).as(number + ": " + ordered).isAfterOrEqualTo(ordered.get(i - 1).end());
            }
        });
    }

    @Test
    void everyCallPlacedHasItsAttemptResultOnTheTopicAndNoneContradictsAnother() {
        Map<String, List<AttemptResult>> byAttempt = attempts.stream()
                .collect(Collectors.groupingBy(AttemptResult::attemptId));
        assertThat(calls).allSatisfy(call -> assertThat(byAttempt).as("result of " + call).containsKey(call.attemptId()));
        assertThat(byAttempt).allSatisfy((attempt, copies) -> assertThat(Set.copyOf(copies)).as(attempt).hasSize(1));
    }

    @Test
    void everySurveyResultIsForACallPlacedAndNoneContradictsAnother() {
        Set<String> placed = calls.stream().map(CallRecord::attemptId).collect(Collectors.toSet());
        Map<String, List<SurveyResultEvent>> byAttempt = surveys.stream()
                .collect(Collectors.groupingBy(SurveyResultEvent::attemptId));
        assertThat(byAttempt.keySet()).isSubsetOf(placed).isNotEmpty();
        assertThat(byAttempt).allSatisfy((attempt, copies) -> assertThat(Set.copyOf(copies)).as(attempt).hasSize(1));
    }

    @Test
    void noAttemptIsPublishedTwiceByTheCampaignServices() {
        Map<String, Long> published = dialRequests.stream()
                .collect(Collectors.groupingBy(DialRequest::attemptId, Collectors.counting()));
        assertThat(published).allSatisfy((attempt, times) -> assertThat(times).as(attempt).isOne());
        Map<String, Long> perContactAndNumber = dialRequests.stream()
                .collect(Collectors.groupingBy(r -> r.contactRef() + "#" + r.attemptNumber(), Collectors.counting()));
        assertThat(perContactAndNumber).allSatisfy((key, times) -> assertThat(times).as(key).isOne());
    }

    @Test
    void theCampaignStartedOnlyOnceItsPromptsHadRecordingsAndEveryPromptPlayedWasThere() {
        Assumptions.assumeTrue(promptsRendered, PromptRenderer.unavailableBecause().orElse(""));
        assertThat(refusedStart).startsWith("409 ").contains("prompts have no recording: intro (en), intro (ko)");
        Questionnaire shipped = QuestionnaireLoader.loadResource("questionnaires/covid-checkin.yaml");
        assertThat(promptsRenderedCount).isEqualTo(PromptIds.of(shipped).size() * shipped.languages().size());
        for (int i = 1; i <= 2; i++) {
            assertThat(process("pbx-" + i).lines()).as("pbx-" + i + " playing a sound that is not there")
                    .noneMatch(line -> line.contains("does not exist in any format"));
        }
    }

    @Test
    void twoCampaignServicesSharedTheSchedulingOnOnePostgreSql() {
        Assumptions.assumeTrue(postgres != null, ThrowawayPostgres.unavailableBecause().orElse(""));
        assertThat(campaignServices).isEqualTo(2);
    }

    // ------------------------------------------------------------------ the stack

    private void startTheStack() throws Exception {
        EpicallProcess kafka = start("kafka", Map.of(), "kafka", "broker", "--data-dir", dir.resolve("kafka").toString(),
                "--port", "0", "--partitions", "6");
        bootstrapServers = kafka.awaitLine(READY_KAFKA, START_TIMEOUT).group(1);

        Path personas = writePersonas(dir.resolve("residents.yaml"));
        // As Asterisk's sounds directory: the campaign services keep the prompts in its epicall/ (the compose
        // file's prompts volume), the simulators play them from there; one missing is "does not exist".
        Path sounds = Files.createDirectories(dir.resolve("sounds"));
        promptsRendered = PromptRenderer.unavailableBecause().isEmpty();
        Path managerConf = ComposeFile.ROOT.resolve("deploy/asterisk/manager.conf");
        List<EpicallProcess> pbxs = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            pbxs.add(start("pbx-" + i, Map.of(), "pbx-sim", "--ami-port", "0", "--agi", "${EPICALL_AGI}",
                    "--personas", personas.toString(), "--time-scale", String.valueOf(TIME_SCALE),
                    "--manager-conf", managerConf.toString(), "--sounds", sounds.toString(),
                    "--missing-sounds", promptsRendered ? "FAIL" : "PLAY", "--max-calls", "0",
                    "--cdr", dir.resolve("cdr-pbx-" + i + ".csv").toString()));
        }
        amiPorts = new ArrayList<>();
        for (EpicallProcess pbx : pbxs) {
            amiPorts.add(Integer.parseInt(pbx.awaitLine(READY_PBX, START_TIMEOUT).group(1)));
        }

        token = ApiTokens.newToken();
        String operatorPassword = new BCryptPasswordEncoder(4).encode("official-" + token);
        Map<String, String> operator = new HashMap<>(ComposeFile.OPERATOR_ENVIRONMENT);
        operator.put("EPICALL_OFFICIAL_PASSWORD_BCRYPT", "{bcrypt}" + operatorPassword);
        operator.put("EPICALL_ANALYST_PASSWORD_BCRYPT", "{bcrypt}" + operatorPassword);
        compose = ComposeFile.read(operator::get);

        if (ThrowawayPostgres.unavailableBecause().isEmpty()) {
            postgres = ThrowawayPostgres.start();
        }
        campaignServices = postgres != null ? 2 : 1;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String pseudonymKey = Base64.getEncoder().encodeToString(key);
        List<CampaignApi> apis = new ArrayList<>();
        for (int i = 1; i <= campaignServices; i++) {
            Map<String, String> env = new LinkedHashMap<>(compose.environment("campaign"));
            int port = freePort();
            env.put("SERVER_PORT", String.valueOf(port));
            env.put("EPICALL_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
            // the broker here is epicall's own, plaintext on localhost; KafkaAclsTest runs compose's SASL and ACLs
            env.keySet().removeIf(k -> k.startsWith("EPICALL_KAFKA_SECURITY_"));
            env.put("EPICALL_CAMPAIGN_STORAGEDIR", dir.resolve("campaign-" + i).toString());
            env.put("EPICALL_CAMPAIGN_FOLLOWUP_RECORDINGSDIR", dir.resolve("recordings").toString());
            env.put("EPICALL_CAMPAIGN_PSEUDONYMKEY", pseudonymKey);
            env.put("EPICALL_CAMPAIGN_PROMPTS_DIR", sounds.resolve("epicall").toString());
            if (!promptsRendered) {
                env.put("EPICALL_CAMPAIGN_PROMPTS_REQUIRED", "false");
            }
            env.put("EPICALL_CAMPAIGN_SECURITY_USERS_0_APITOKENS_0", ApiTokens.configured(token));
            // A run of minutes, not days: a lost attempt is swept after 20 s, requests stay valid 30 s.
            env.put("EPICALL_CAMPAIGN_SCHEDULE_TICK", "500ms");
            env.put("EPICALL_CAMPAIGN_SCHEDULE_BATCHSIZE", "40");
            env.put("EPICALL_CAMPAIGN_SCHEDULE_DISPATCHTTL", "30s");
            env.put("EPICALL_CAMPAIGN_SCHEDULE_MAXCALLDURATION", "20s");
            env.put("EPICALL_CAMPAIGN_SCHEDULE_SWEPTRETRYDELAY", "1s");
            if (postgres != null) {
                env.put("EPICALL_DB_URL", postgres.jdbcUrl());
            } else {
                env.remove("SPRING_PROFILES_ACTIVE");
            }
            start("campaign-" + i, env, "campaign-service");
            apis.add(new CampaignApi(port, token));
        }
        for (int n = 1; n <= 3; n++) {
            startDialer("dialer-" + n, dialerEnvironment(n));
        }
        for (CampaignApi campaign : apis) {
            awaitUntil(campaign::answers, START_TIMEOUT, "the campaign services to answer");
        }
        awaitDialersReady();
        api = apis.getFirst();
        this.apis = apis;
    }

    private Map<String, String> dialerEnvironment(int n) {
        Map<String, String> env = new LinkedHashMap<>(compose.environment("dialer"));
        Map<String, String> first = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("EPICALL_DIALER_SERVERS_0_")) {
                first.put(k.substring("EPICALL_DIALER_SERVERS_0_".length()), v);
            }
        });
        for (int s = 0; s < amiPorts.size(); s++) {
            String prefix = "EPICALL_DIALER_SERVERS_" + s + "_";
            for (Map.Entry<String, String> e : first.entrySet()) {
                env.put(prefix + e.getKey(), e.getValue());
            }
            env.put(prefix + "NAME", "pbx-" + (s + 1));
            env.put(prefix + "HOST", "127.0.0.1");
            env.put(prefix + "AMI_PORT", String.valueOf(amiPorts.get(s)));
            env.put(prefix + "MAX_CHANNELS", "150");
            env.put(prefix + "DIAL_TEMPLATE", "Local/{number}@residents");
        }
        Path state = dir.resolve("dialer-" + n);
        env.put("EPICALL_DIALER_AGI_BIND_ADDRESS", "127.0.0.1");
        env.put("EPICALL_DIALER_AGI_ADVERTISED_HOST", "127.0.0.1");
        env.put("EPICALL_DIALER_RECORDINGS_DIR", dir.resolve("recordings").toString());
        env.put("EPICALL_DIALER_LEDGER_DIR", state.resolve("ledger").toString());
        env.put("EPICALL_DIALER_OUTBOX_DIR", state.resolve("outbox").toString());
        env.put("EPICALL_DIALER_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.keySet().removeIf(k -> k.startsWith("EPICALL_DIALER_KAFKA_SECURITY_"));
        env.put("EPICALL_DIALER_CALLS_PER_SECOND", "30");
        env.put("EPICALL_DIALER_SHUTDOWN_GRACE", "5s");
        // the model where this machine keeps it: the cache, as the demo finds it
        env.remove("EPICALL_SPEECH_MODELS_KO_PATH");
        return env;
    }

    /** Starts a dialer on a free FastAGI port and a fresh HTTP port (a restarted one keeps its ledger and outbox). */
    private void startDialer(String name, Map<String, String> environment) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("EPICALL_DIALER_AGI_PORT", "0"); // each call names the port bound: the dialplan runs AGI(${EPICALL_AGI})
        int port = freePort();
        env.put("SERVER_PORT", String.valueOf(port));
        dialerEnvironments.put(name, environment);
        dialerPorts.add(port);
        start(name, env, "dialer");
    }

    private void awaitDialersReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int port : List.copyOf(dialerPorts)) {
            awaitUntil(() -> {
                try {
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }, START_TIMEOUT, "the dialer on port " + port + " to be ready");
        }
    }

    // ------------------------------------------------------------------ the campaign

    private Instant launchTheCampaign() throws Exception {
        StringBuilder roster = new StringBuilder("phone,timezone,language\n");
        String zone = zoneWhereItIsAboutNoon();
        for (int i = 0; i < RESIDENTS; i++) {
            roster.append(number(i)).append(',').append(zone).append(",ko\n");
        }
        String schedule = "{\"windowStart\":\"00:00\",\"windowEnd\":\"23:59\",\"maxAttempts\":" + MAX_ATTEMPTS
                + ",\"dailyCap\":" + MAX_ATTEMPTS + ",\"defaultRetryDelay\":\"PT2S\",\"giveUpOn\":[\"REJECTED\"],"
                + "\"retryDelays\":{\"BUSY\":\"PT2S\",\"NO_ANSWER\":\"PT2S\",\"FAILED\":\"PT1S\","
                + "\"UNREACHABLE_SERVER\":\"PT1S\"}}";
        campaignId = api.create("Scale-out: " + RESIDENTS + " residents", roster.toString(), "shipped:covid-checkin",
                schedule);
        if (promptsRendered) {
            // refused while its prompts have no recording; rendered by one service, started by the other
            HttpResponse<String> refused = api.tryStart(campaignId);
            refusedStart = refused.statusCode() + " " + refused.body();
            promptsRenderedCount = api.renderPrompts(campaignId);
        }
        apis.getLast().start(campaignId);
        return Instant.now();
    }

    /**
     * Waits for every resident to be accounted for; on the way, once a third of them have been dialed,
     * kills dialer-2 (SIGKILL), adds dialer-4, and five seconds later starts dialer-2 again on its own state.
     */
    private void awaitTheCampaign(Instant launched) throws Exception {
        long end = System.nanoTime() + CAMPAIGN_TIMEOUT.toNanos();
        boolean killed = false;
        Instant killedAt = null;
        boolean restarted = false;
        JsonNode progress = api.progress(campaignId);
        long nextReport = 0;
        while (!settled(progress) && System.nanoTime() < end) {
            if (System.nanoTime() > nextReport) {
                System.out.printf("ScaleOutIT %3d s: %s%n", Duration.between(launched, Instant.now()).toSeconds(),
                        progress);
                nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            if (!killed && progress.path("dialed").asLong() >= RESIDENTS / 3) {
                process("dialer-2").kill();
                startDialer("dialer-4", dialerEnvironment(4));
                killed = true;
                killedAt = Instant.now();
            }
            if (killed && !restarted && Instant.now().isAfter(killedAt.plusSeconds(5))) {
                startDialer("dialer-2-again", dialerEnvironments.get("dialer-2"));
                restarted = true;
            }
            Thread.sleep(500);
            progress = api.progress(campaignId);
        }
        campaignTook = Duration.between(launched, Instant.now());
        finalProgress = progress;
        parkedUntilTomorrow = parkedUntilTomorrow().size();
        assertThat(killed).as("a dialer was killed part-way: " + progress).isTrue();
        // the reports of calls still ending reach the topics; the restarted node's outbox drains
        awaitUntil(() -> {
            Set<String> reported = attemptResults().stream().map(AttemptResult::attemptId).collect(Collectors.toSet());
            return readCalls().stream().allMatch(c -> reported.contains(c.attemptId()));
        }, Duration.ofMinutes(1), "every call placed to be reported");
    }

    private void readWhatHappened() throws IOException {
        calls = readCalls();
        EventJson json = new EventJson();
        dialRequests = TopicSnapshot.values(KafkaConnection.plaintext(bootstrapServers), Topics.DIAL_REQUESTS).stream()
                .map(json::readDialRequest).filter(r -> r.campaignId().equals(campaignId)).toList();
        attempts = attemptResults();
        surveys = TopicSnapshot.values(KafkaConnection.plaintext(bootstrapServers), Topics.SURVEY_RESULTS).stream().map(json::readSurveyResult)
                .filter(s -> s.campaignId().equals(campaignId)).toList();
    }

    private List<AttemptResult> attemptResults() {
        EventJson json = new EventJson();
        return TopicSnapshot.values(KafkaConnection.plaintext(bootstrapServers), Topics.CALL_ATTEMPTS).stream().map(json::readCallAttempt)
                .filter(a -> a.campaignId().equals(campaignId)).toList();
    }

    private List<CallRecord> readCalls() {
        List<CallRecord> records = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Path file = dir.resolve("cdr-pbx-" + i + ".csv");
            List<String> lines;
            try {
                lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.split(",");
                if (f.length < 6 || f[0].isEmpty() || !f[4].startsWith("ec-")) {
                    continue;
                }
                String number = f[3].substring(f[3].indexOf('/') + 1, f[3].indexOf('@'));
                // the channel id is ec-<attempt, upper case as ^x>~<try>: CallIds reads the attempt back
                records.add(new CallRecord("pbx-" + i, Instant.parse(f[0]), Instant.parse(f[2]), number,
                        CallIds.attemptOf(f[4])));
            }
        }
        return records;
    }

    /**
     * Every resident accounted for, or waiting for tomorrow: a call that a killed dialer cut off ends as
     * UNREACHABLE_SERVER, which the campaign gives back (it does not use up one of the resident's attempts)
     * but which still counts in the day's cap (it may have rung), so a resident who also had two other calls
     * today is called again tomorrow.
     */
    private boolean settled(JsonNode progress) {
        if (accounted(progress) == RESIDENTS) {
            return true;
        }
        long retrying = progress.path("retrying").asLong();
        return progress.path("pending").asLong() == 0 && progress.path("dialing").asLong() == 0
                && accounted(progress) + retrying == RESIDENTS && parkedUntilTomorrow().size() >= retrying;
    }

    /**
     * Residents called the day's cap of times (every attempt of the run falls on one day), none answered, one or
     * more of the calls given back. Counted from the dial requests: an attempt a killed dialer never reported is
     * swept by the campaign, and counts, without a result on the topic.
     */
    private Set<String> parkedUntilTomorrow() {
        EventJson json = new EventJson();
        Map<String, Long> requests = TopicSnapshot.values(KafkaConnection.plaintext(bootstrapServers), Topics.DIAL_REQUESTS).stream()
                .map(json::readDialRequest).filter(r -> r.campaignId().equals(campaignId))
                .collect(Collectors.groupingBy(DialRequest::contactRef, Collectors.counting()));
        Map<String, List<AttemptResult>> results = attemptResults().stream()
                .collect(Collectors.groupingBy(AttemptResult::contactRef));
        return results.entrySet().stream()
                .filter(e -> requests.getOrDefault(e.getKey(), 0L) >= MAX_ATTEMPTS
                        && e.getValue().stream().anyMatch(a -> !a.outcome().countsAgainstResident())
                        && e.getValue().stream().noneMatch(a -> a.outcome() == CallOutcome.ANSWERED))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static long accounted(JsonNode progress) {
        return progress.path("completed").asLong() + progress.path("failed").asLong()
                + progress.path("exhausted").asLong();
    }

    // ------------------------------------------------------------------ residents

    private static String number(int i) {
        return "+8210" + (20_000_000 + i);
    }

    /**
     * Who answers how, by position: 2 % by voice, 10 % busy then answering the second call, 30 % hanging up at
     * the first or second question, 5 % never answering, 5 % rejecting, the rest (48 %) on the keypad.
     */
    private static Path writePersonas(Path file) throws IOException {
        StringBuilder yaml = new StringBuilder("residents:\n");
        for (int i = 0; i < RESIDENTS; i++) {
            yaml.append("  - number: \"").append(number(i)).append("\"\n");
            int kind = i % 100;
            if (kind < 2) {
                yaml.append("    behaviour: answer\n").append(answers(true));
            } else if (kind < 12) {
                yaml.append("    behaviour: busy\n    thenAnswerAfter: 1\n").append(answers(false));
            } else if (kind < 42) {
                yaml.append("    behaviour: hangup-at-question\n    hangupAtQuestion: ").append(1 + i % 2).append('\n')
                        .append(answers(false));
            } else if (kind < 47) {
                yaml.append("    behaviour: no-answer\n");
            } else if (kind < 52) {
                yaml.append("    behaviour: rejected\n");
            } else {
                yaml.append("    behaviour: keypad-only\n").append(answers(false));
            }
        }
        return Files.writeString(file, yaml);
    }

    /** Consent, then no to everything: travel, contact, fever, symptoms (none), a follow-up call. */
    private static String answers(boolean voice) {
        String[][] answers = {{"consent", "ko/consent-000.wav", "1"}, {"travel", "ko/travel-015.wav", "2"},
                {"contact", "ko/contact-032.wav", "2"}, {"fever", "ko/fever-044.wav", "2"},
                {"symptoms", "ko/symptoms-072.wav", "5"}, {"followup_call", "ko/followup_call-079.wav", "2"}};
        StringBuilder yaml = new StringBuilder("    answers:\n");
        for (String[] a : answers) {
            yaml.append("      - question: ").append(a[0]).append('\n');
            if (voice) {
                yaml.append("        audio: corpus:").append(a[1]).append('\n');
            }
            yaml.append("        digits: \"").append(a[2]).append("\"\n");
        }
        return yaml.toString();
    }

    /** An Etc/GMT zone where it is between 11:00 and 13:00 now, so a 00:00–23:59 window is open all run long. */
    private static String zoneWhereItIsAboutNoon() {
        int hour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        int offset = 12 - hour;
        offset = offset > 14 ? offset - 24 : offset < -12 ? offset + 24 : offset;
        // Etc/GMT signs are inverted: Etc/GMT-9 is UTC+9
        return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    }

    // ------------------------------------------------------------------ processes

    private EpicallProcess start(String name, Map<String, String> env, String... args) {
        EpicallProcess p = EpicallProcess.start(EpicallProcess.Launcher.jar(JAR), name, logs, env, args);
        processes.add(p);
        return p;
    }

    private EpicallProcess process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private void awaitUntil(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            List<EpicallProcess> dead = processes.stream().filter(p -> !p.alive() && !p.name().equals("dialer-2"))
                    .toList();
            if (!dead.isEmpty()) {
                throw new IllegalStateException(dead.getFirst().name() + " died while waiting for " + what + ":\n"
                        + dead.getFirst().tail());
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
