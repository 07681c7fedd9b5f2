package org.epicall.dialer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A campaign prompt that is not installed on Asterisk (the simulator, like Asterisk 22, answers STREAM
 * FILE with {@code 200 result=-1 endpos=0} for it) is the setup's fault: the attempt is reported as
 * CAMPAIGN_FAULT, not against the resident, and the node's readiness goes DOWN naming the prompt.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DialerSetupFaultTest {

    private static final String RESIDENT = "+821000000501";

    @TempDir
    Path dir;

    @Test
    void shouldReportAMissingPromptAsACampaignFaultAndBeNotReadyNamingIt() throws Exception {
        try (EmbeddedKafkaBroker kafka = TestNodes.kafka(dir.resolve("kafka"));
                PbxSimulator pbx = PbxSimulator.start(TestNodes.pbx()
                        .residents(ResidentDirectory.of(List.of(Resident.of(RESIDENT, Behaviour.ANSWER))))
                        .build());
                ConfigurableApplicationContext node = DialerApplication.start(TestNodes.settings(dir.resolve("node"),
                        pbx.amiPort(), kafka.bootstrapServers()).toArray(String[]::new))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + ((WebServerApplicationContext) node).getWebServer().getPort() + "/actuator/health/readiness")).build();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    http.send(readiness, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);

            try (DialRequestPublisher publisher = new DialRequestPublisher(KafkaConnection.plaintext(kafka.bootstrapServers()))) {
                publisher.publish(new DialRequest("fault-1", "camp-fault", "contact-fault-1", RESIDENT, "ko",
                        "covid-checkin", 1, Instant.now().plusSeconds(3600))).get(10, TimeUnit.SECONDS);
            }

            EventJson json = new EventJson();
            await().atMost(Duration.ofSeconds(60)).until(() -> TopicSnapshot.values(KafkaConnection.plaintext(kafka.bootstrapServers()),
                    Topics.CALL_ATTEMPTS).stream().map(json::readCallAttempt).anyMatch(a -> a.attemptId().equals("fault-1")));
            AttemptResult attempt = TopicSnapshot.values(KafkaConnection.plaintext(kafka.bootstrapServers()), Topics.CALL_ATTEMPTS).stream()
                    .map(json::readCallAttempt).filter(a -> a.attemptId().equals("fault-1")).findFirst().orElseThrow();
            assertThat(attempt.outcome()).isEqualTo(CallOutcome.CAMPAIGN_FAULT);

            HttpResponse<String> notReady = http.send(readiness, HttpResponse.BodyHandlers.ofString());
            assertThat(notReady.statusCode()).as(notReady.body()).isEqualTo(503);
            assertThat(notReady.body()).contains("\"setup\"",
                    "prompt epicall/camp-fault/covid-checkin/ko/intro is not installed on Asterisk pbx-sim");
        }
    }
}
