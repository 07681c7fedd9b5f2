package org.epicall.dialer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.messaging.DialRequestPublisher;
import org.epicall.messaging.EventJson;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.TopicSnapshot;
import org.epicall.messaging.Topics;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.DialRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dialer service as {@code epicall dialer} runs it, configured only through its settings: the PBX
 * simulator as its Asterisk, an in-process broker as its Kafka, the Korean model. One node for the
 * class; each test checks one promise of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DialerApplicationTest {

    private static final String BUSY = "+821000000402";

    private EmbeddedKafkaBroker kafka;
    private PbxSimulator pbx;
    private ConfigurableApplicationContext dialer;
    private Path expiredRecording;
    private Path keptRecording;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        kafka = TestNodes.kafka(dir.resolve("kafka"));
        pbx = PbxSimulator.start(TestNodes.pbx()
                .residents(ResidentDirectory.of(List.of(Resident.of(BUSY, Behaviour.BUSY))))
                .build());
        expiredRecording = dir.resolve("node/recordings/campaign-0/a-0-fever-1.wav");
        keptRecording = dir.resolve("node/recordings/campaign-0/a-1-fever-1.wav");
        writeRecording(expiredRecording, Instant.now().minus(Duration.ofDays(31)));
        writeRecording(keptRecording, Instant.now().minus(Duration.ofDays(29)));
        dialer = DialerApplication.start(TestNodes.settings(dir.resolve("node"), pbx.amiPort(),
                kafka.bootstrapServers()).toArray(String[]::new));
    }

    private static void writeRecording(Path file, Instant written) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {'R', 'I', 'F', 'F'});
        Files.setLastModifiedTime(file, FileTime.from(written));
    }

    @AfterAll
    void stop() {
        if (dialer != null) {
            dialer.close();
        }
        pbx.close();
        kafka.close();
    }

    @Test
    void shouldDeleteRecordingsOlderThanTheDefaultRetentionOfThirtyDaysOnceStarted() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(expiredRecording).doesNotExist());
        assertThat(keptRecording).exists();
    }

    @Test
    void shouldBeReadyWithAsteriskKafkaAndTheModelUp() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> readiness = get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"ami\"", "\"kafka\"", "\"speech\"").doesNotContain("DOWN");
        });
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldDialARequestFromKafkaAndReportItsAttempt() throws Exception {
        try (DialRequestPublisher publisher = new DialRequestPublisher(KafkaConnection.plaintext(kafka.bootstrapServers()))) {
            publisher.publish(new DialRequest("app-1", "camp-app", "contact-app-1", BUSY, "ko", "covid-checkin", 1,
                    Instant.now().plusSeconds(3600))).get(10, TimeUnit.SECONDS);
        }
        EventJson json = new EventJson();
        await().atMost(Duration.ofSeconds(60)).until(() -> TopicSnapshot.values(KafkaConnection.plaintext(kafka.bootstrapServers()),
                Topics.CALL_ATTEMPTS).stream().map(json::readCallAttempt).anyMatch(a -> a.attemptId().equals("app-1")));
        AttemptResult attempt = TopicSnapshot.values(KafkaConnection.plaintext(kafka.bootstrapServers()), Topics.CALL_ATTEMPTS).stream()
                .map(json::readCallAttempt).filter(a -> a.attemptId().equals("app-1")).findFirst().orElseThrow();
        assertThat(attempt.outcome()).isEqualTo(CallOutcome.BUSY);
    }

    @Test
    void shouldOfferItsMetricsForPrometheusToScrape() throws Exception {
        HttpResponse<String> scrape = get("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("epicall_dialer_calls_live", "epicall_dialer_links_up");
    }

    @Test
    void shouldRunNoneOfTheCampaignServicesParts() {
        assertThat(dialer.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
    }

    private HttpResponse<String> get(String path) throws Exception {
        int port = ((WebServerApplicationContext) dialer).getWebServer().getPort();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
