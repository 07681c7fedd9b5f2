package org.epicall.dialer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.epicall.dialer.agi.FixedSurveyScripts;
import org.epicall.dialer.ami.Backoff;
import org.epicall.dialer.service.questionnaire.QuestionnaireSource;
import org.epicall.dialer.service.questionnaire.SurveyReadiness;
import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.messaging.DialRequestPublisher;
import org.epicall.messaging.EventJson;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.QuestionnaireCatalog;
import org.epicall.messaging.QuestionnaireEvent;
import org.epicall.messaging.QuestionnairePublisher;
import org.epicall.messaging.TopicSnapshot;
import org.epicall.messaging.Topics;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.DialRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dialer node taking dial requests from Kafka as in production: a request it can never dial does not
 * hold up the ones behind it, one it cannot take now is dialed later, a node with no Asterisk server
 * up takes none, and one whose call the node could not survey is refused to the campaign with the reason.
 */
class DialRequestIntakeTest {

    private static final String BUSY = "+821000000002";

    @TempDir
    Path dir;
    private EmbeddedKafkaBroker kafka;
    private DialRequestPublisher publisher;
    private final List<AutoCloseable> started = new ArrayList<>();

    @BeforeEach
    void startKafka() {
        kafka = TestNodes.kafka(dir.resolve("kafka"));
        publisher = new DialRequestPublisher(KafkaConnection.plaintext(kafka.bootstrapServers()));
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : started.reversed()) {
            c.close();
        }
        publisher.close();
        kafka.close();
    }

    @Test
    void shouldDialTheRequestsBehindOneWhoseDeadlinePassedAndNeverDialIt() throws Exception {
        PbxSimulator pbx = pbx(0, Duration.ZERO);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // one contact, so all three share a partition, the expired one first
        publish(request("expired", "contact-1", Instant.now().minusSeconds(60)));
        publish(request("behind-1", "contact-1", Instant.now().plusSeconds(3600)));
        publish(request("behind-2", "contact-1", Instant.now().plusSeconds(3600)));

        dialer(pbx.amiPort(), 10, meters);

        await().atMost(Duration.ofSeconds(60)).until(() -> attempts().keySet().containsAll(List.of("behind-1", "behind-2")));
        assertThat(attempts().get("behind-1").outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(attempts()).doesNotContainKey("expired");
        assertThat(pbx.callsProcessed() + pbx.activeCalls()).isEqualTo(2);
        assertThat(refusals(meters, "DEADLINE_PASSED")).isEqualTo(1);
    }

    @Test
    void shouldDialARequestRefusedBecauseTheQueueWasFullOnceThereIsRoom() throws Exception {
        // one channel, busy for two seconds a call: one call rings, one waits in the queue (one place), the
        // third finds it full
        PbxSimulator pbx = pbx(0, Duration.ofSeconds(2));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        dialer(pbx.amiPort(), 1, meters);
        List<String> ids = List.of("queued-1", "queued-2", "queued-3");
        for (String id : ids) {
            publish(request(id, "contact-" + id, Instant.now().plusSeconds(3600)));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> attempts().keySet().containsAll(ids));
        assertThat(refusals(meters, "QUEUE_FULL")).isPositive();
        assertThat(pbx.callsProcessed() + pbx.activeCalls()).isEqualTo(ids.size());
    }

    @Test
    void shouldTakeNoRequestWhileNoAsteriskServerIsUp() throws Exception {
        int amiPort = TestNodes.closedPort();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DialerService dialer = dialer(amiPort, 10, meters);
        publish(request("waiting", "contact-waiting", Instant.now().plusSeconds(3600)));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> !dialer.taking());
        assertThat(dialer.node().heldAttempts()).isZero();

        PbxSimulator pbx = pbx(amiPort, Duration.ZERO);

        await().atMost(Duration.ofSeconds(60)).until(() -> attempts().containsKey("waiting"));
        assertThat(dialer.taking()).isTrue();
        assertThat(pbx.callsProcessed() + pbx.activeCalls()).isOne();
    }

    @Test
    void shouldRefuseARequestForAQuestionnaireVersionNeverPublishedAndTellTheCampaignWhy() throws Exception {
        PbxSimulator pbx = pbx(0, Duration.ZERO);
        dialer(pbx.amiPort(), 10, new SimpleMeterRegistry(), surveyReadiness());

        publish(request("unknown-version", "contact-u", Instant.now().plusSeconds(3600), "ko", "0123456789abcdef"));

        await().atMost(Duration.ofSeconds(60)).until(() -> attempts().containsKey("unknown-version"));
        AttemptResult refused = attempts().get("unknown-version");
        assertThat(refused.outcome()).isEqualTo(CallOutcome.REFUSED);
        assertThat(refused.detail()).contains("covid-checkin@0123456789abcdef", "never published");
        assertThat(pbx.callsProcessed() + pbx.activeCalls()).isZero();
    }

    @Test
    void shouldRefuseARequestInALanguageItHasNoModelFor() throws Exception {
        PbxSimulator pbx = pbx(0, Duration.ZERO);
        dialer(pbx.amiPort(), 10, new SimpleMeterRegistry(), surveyReadiness());

        publish(request("in-english", "contact-e", Instant.now().plusSeconds(3600), "en", null));

        await().atMost(Duration.ofSeconds(60)).until(() -> attempts().containsKey("in-english"));
        assertThat(attempts().get("in-english").outcome()).isEqualTo(CallOutcome.REFUSED);
        assertThat(attempts().get("in-english").detail()).contains("no recognition model for language 'en'");
        assertThat(pbx.callsProcessed() + pbx.activeCalls()).isZero();
    }

    @Test
    void shouldDialARequestForAQuestionnaireVersionItsCampaignPublished() throws Exception {
        String yaml = new String(getClass().getClassLoader().getResourceAsStream("questionnaires/covid-checkin.yaml")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        QuestionnaireEvent version = QuestionnaireEvent.of("covid-checkin", yaml);
        try (QuestionnairePublisher questionnaires = new QuestionnairePublisher(KafkaConnection.plaintext(kafka.bootstrapServers()))) {
            questionnaires.publish(version).get(10, TimeUnit.SECONDS);
        }
        PbxSimulator pbx = pbx(0, Duration.ZERO);
        dialer(pbx.amiPort(), 10, new SimpleMeterRegistry(), surveyReadiness());

        publish(request("published", "contact-p", Instant.now().plusSeconds(3600), "ko", version.version()));

        await().atMost(Duration.ofSeconds(60)).until(() -> attempts().containsKey("published"));
        assertThat(attempts().get("published").outcome()).isEqualTo(CallOutcome.BUSY);
    }

    /** What a dialer service checks: the campaign's questionnaire version from Kafka, a Korean model. */
    private CallReadiness surveyReadiness() {
        QuestionnaireCatalog catalog = QuestionnaireCatalog.of(KafkaConnection.plaintext(kafka.bootstrapServers()));
        started.add(catalog);
        return new SurveyReadiness(new QuestionnaireSource(catalog), List.of("ko"));
    }

    private DialerService dialer(int amiPort, int maxChannels, SimpleMeterRegistry meters) {
        return dialer(amiPort, maxChannels, meters, CallReadiness.ALWAYS);
    }

    private DialerService dialer(int amiPort, int maxChannels, SimpleMeterRegistry meters, CallReadiness readiness) {
        DialerService dialer = DialerService.start(
                TestNodes.config(dir.resolve("dialer"), amiPort, 50, maxChannels).withMaxQueued(1)
                        .withReconnect(new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 2)),
                DialerService.Settings.of(KafkaConnection.plaintext(kafka.bootstrapServers()), dir.resolve("dialer").resolve("outbox")),
                new FixedSurveyScripts(List.of()), readiness, meters);
        started.add(dialer);
        return dialer;
    }

    /** Residents who are busy after ringing for {@code ringing}. */
    private PbxSimulator pbx(int amiPort, Duration ringing) {
        PbxSimulator pbx = PbxSimulator.start(TestNodes.pbx()
                .amiPort(amiPort)
                .residents(ResidentDirectory.of(List.of(Resident.of(BUSY, Behaviour.BUSY).ringingFor(ringing))))
                .build());
        started.add(pbx);
        return pbx;
    }

    private void publish(DialRequest request) throws Exception {
        publisher.publish(request).get(60, TimeUnit.SECONDS);
    }

    private static DialRequest request(String attemptId, String contactRef, Instant notAfter) {
        return new DialRequest(attemptId, "camp-intake", contactRef, BUSY, "ko", "covid-checkin", 1, notAfter);
    }

    private static DialRequest request(String attemptId, String contactRef, Instant notAfter, String language,
                                       String questionnaireVersion) {
        return new DialRequest(attemptId, "camp-intake", contactRef, BUSY, language, "covid-checkin", 1, notAfter,
                questionnaireVersion);
    }

    private Map<String, AttemptResult> attempts() {
        EventJson json = new EventJson();
        return TopicSnapshot.values(KafkaConnection.plaintext(kafka.bootstrapServers()), Topics.CALL_ATTEMPTS).stream()
                .map(json::readCallAttempt)
                .collect(Collectors.toMap(AttemptResult::attemptId, Function.identity(), (a, b) -> a));
    }

    private static double refusals(SimpleMeterRegistry meters, String reason) {
        Counter counter = meters.find("epicall.dialer.refusals").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
