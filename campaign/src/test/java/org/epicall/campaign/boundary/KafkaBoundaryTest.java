package org.epicall.campaign.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.contact.ContactState;
import org.epicall.campaign.contact.ContactStore;
import org.epicall.campaign.lifecycle.CampaignState;
import org.epicall.campaign.roster.ImportedContact;
import org.epicall.campaign.schedule.DialRequestPublisher;
import org.epicall.campaign.schedule.DialScheduler;
import org.epicall.campaign.testsupport.ApiClients;
import org.epicall.campaign.testsupport.Isolation;
import org.epicall.campaign.testsupport.MutableClock;
import org.epicall.campaign.testsupport.Rosters;
import org.epicall.campaign.testsupport.TestClockConfiguration;
import org.epicall.messaging.EventJson;
import org.epicall.messaging.KafkaEndpoint;
import org.epicall.messaging.PhoneNumberDisclosure;
import org.epicall.messaging.QuestionnaireEvent;
import org.epicall.messaging.ResultPublisher;
import org.epicall.messaging.SurveyResultEvent;
import org.epicall.messaging.TopicSnapshot;
import org.epicall.messaging.Topics;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.CallResultSink;
import org.epicall.survey.call.DialRequest;
import org.epicall.survey.call.SurveyResponse;
import org.epicall.survey.call.SurveyStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The campaign service on the embedded Kafka broker: dial requests go out through the Kafka adapter,
 * and a dialer's reports, sent through a dialer's {@link ResultPublisher} into Kafka, come back into the
 * contact state; and the contact reference on a result event is the one an analyst finds the resident by.
 */
@AutoConfigureMockMvc
@SpringBootTest(properties = {"epicall.kafka.enabled=true", "epicall.kafka.embedded=true",
        "epicall.campaign.storage-dir=./target/test-data/${random.uuid}"})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class KafkaBoundaryTest {

    @Autowired Campaigns campaigns;
    @Autowired org.epicall.campaign.roster.ContactReferences references;
    @Autowired DialScheduler scheduler;
    @Autowired DialRequestPublisher publisher;
    @Autowired ContactStore contacts;
    @Autowired MutableClock clock;
    @Autowired KafkaEndpoint kafka;
    @Autowired MockMvc mvc;

    @TempDir
    static Path dialerOutbox;
    private static ResultPublisher dialer;
    private CallResultSink dialerSink;

    @BeforeEach
    void dialerReportingToTheSameKafka() {
        if (dialer == null) {
            dialer = ResultPublisher.start(kafka.connection(), dialerOutbox, PhoneNumberDisclosure.NEVER);
        }
        dialerSink = dialer.sink();
    }

    @AfterAll
    static void stopDialer() {
        if (dialer != null) {
            dialer.close();
            dialer = null;
        }
    }

    @BeforeEach
    void mondayMorningInSeoul() {
        Isolation.cancelLiveCampaigns(campaigns);
        clock.set(Instant.parse("2026-03-09T01:00:00Z"));
    }

    @Test
    void dialRequestsGoToKafkaAndReportsFromKafkaCompleteTheCampaign() {
        String id = Rosters.imported(campaigns, "phone\n010-1000-0001\n").id();
        campaigns.start(id);
        String contactRef = references.of(id, 2);

        int published = scheduler.tick();

        assertThat(publisher.getClass().getName()).contains("KafkaBoundaryConfiguration");
        assertThat(published).isEqualTo(1);
        String attemptId = contacts.attemptsOf(contactRef).getFirst().attemptId();
        Instant now = clock.instant();
        dialerSink.surveyFinished(new SurveyResponse(attemptId, id, contactRef, "covid-checkin", "ko",
                SurveyStatus.COMPLETE, null, now, now.plusSeconds(40), List.of(new AnsweredQuestion("fever", "아니요",
                false, 0.91, Decision.ACCEPT, AnswerSource.VOICE, 1, null)), List.of()));
        dialerSink.attemptFinished(new AttemptResult(attemptId, id, contactRef, CallOutcome.ANSWERED, 16, "pbx-1",
                now, now, now.plusSeconds(40), ""));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(contacts.contact(contactRef).orElseThrow().state()).isEqualTo(ContactState.COMPLETED);
            assertThat(campaigns.results(id, 0, 10)).hasSize(1);
        });
        assertThat(campaigns.get(id).state()).isEqualTo(CampaignState.COMPLETED);
    }

    @Test
    void eachDialRequestNamesItsCampaignsQuestionnaireVersionWhichEveryDialerCanReadFromKafka() {
        String id = Rosters.imported(campaigns, "phone\n010-1000-0002\n").id();
        campaigns.start(id);
        String contactRef = references.of(id, 2);

        scheduler.tick();

        EventJson json = new EventJson();
        DialRequest request = TopicSnapshot.values(kafka.connection(), Topics.DIAL_REQUESTS).stream()
                .map(json::readDialRequest).filter(r -> r.contactRef().equals(contactRef)).findFirst().orElseThrow();
        assertThat(request.questionnaireVersion()).matches("[0-9a-f]{16}");
        List<QuestionnaireEvent> versions = TopicSnapshot.values(kafka.connection(), Topics.QUESTIONNAIRES).stream()
                .map(json::readQuestionnaire).toList();
        // every campaign service instance publishes a version once; compaction keeps one copy of the key
        assertThat(versions.stream().filter(v -> v.version().equals(request.questionnaireVersion())).distinct())
                .singleElement().satisfies(v -> {
                    assertThat(v.questionnaireId()).isEqualTo(request.questionnaireId());
                    assertThat(QuestionnaireEvent.versionOf(v.yaml())).isEqualTo(v.version());
                });
    }

    @Test
    void analystFindsAFlaggedResidentByTheContactRefOfTheirResultEvent() throws Exception {
        String id = Rosters.imported(campaigns, "phone,name\n010-1000-0009,Kim Minji\n").id();
        campaigns.start(id);
        scheduler.tick();
        String contactRef = references.of(id, 2);
        String attemptId = contacts.attemptsOf(contactRef).getFirst().attemptId();
        Instant now = clock.instant();
        dialerSink.surveyFinished(new SurveyResponse(attemptId, id, contactRef, "covid-checkin", "ko",
                SurveyStatus.COMPLETE, null, now, now.plusSeconds(40), List.of(new AnsweredQuestion("fever", "네",
                true, 0.91, Decision.ACCEPT, AnswerSource.VOICE, 1, null)), List.of("fever")));

        SurveyResultEvent event = await().atMost(Duration.ofSeconds(90))
                .until(() -> resultEvent(attemptId), Optional::isPresent).orElseThrow();
        await().atMost(Duration.ofSeconds(90)).until(() -> !campaigns.flagged(id).isEmpty());

        assertThat(event.phoneNumber()).isNull();
        mvc.perform(get("/api/campaigns/" + id + "/flagged").with(ApiClients.ANALYST))
                .andExpect(jsonPath("$[0].contactRef").value(event.contactRef()))
                .andExpect(jsonPath("$[0].phone").doesNotExist())
                .andExpect(jsonPath("$[0].name").doesNotExist());
    }

    @Test
    void theServiceKeepsHowEachAnswerWasGivenAsTheResultEventSaysIt() throws Exception {
        String id = Rosters.imported(campaigns, "phone\n010-1000-0011\n").id();
        campaigns.start(id);
        scheduler.tick();
        String contactRef = references.of(id, 2);
        String attemptId = contacts.attemptsOf(contactRef).getFirst().attemptId();
        Instant now = clock.instant();
        dialerSink.surveyFinished(new SurveyResponse(attemptId, id, contactRef, "covid-checkin", "ko",
                SurveyStatus.COMPLETE, null, now, now.plusSeconds(40), List.of(
                        new AnsweredQuestion("fever", "네", true, 0.91, Decision.ACCEPT, AnswerSource.VOICE, 1, null, true),
                        new AnsweredQuestion("symptoms-any", "없어요", true, 1.0, Decision.ACCEPT, AnswerSource.KEYPAD, 3,
                                null),
                        new AnsweredQuestion("contact", "모르겠어요", null, 0.9, Decision.UNANSWERED, AnswerSource.NONE, 1,
                                null, false, true)), List.of("fever")));

        await().atMost(Duration.ofSeconds(90)).until(() -> !campaigns.flagged(id).isEmpty());

        mvc.perform(get("/api/campaigns/" + id + "/residents/" + contactRef).with(ApiClients.ANALYST))
                .andExpect(jsonPath("$.surveys[0].answers[0].confirmed").value(true))
                .andExpect(jsonPath("$.surveys[0].answers[0].transcript").value("네"))
                .andExpect(jsonPath("$.surveys[0].answers[1].source").value("KEYPAD"))
                .andExpect(jsonPath("$.surveys[0].answers[1].transcript").value(""))
                .andExpect(jsonPath("$.surveys[0].answers[1].transcriptNotCounted").value("없어요"))
                .andExpect(jsonPath("$.surveys[0].answers[2].transcript").value("모르겠어요"));
        assertThat(campaigns.results(id, 0, 10).getFirst().answers()).extracting(a -> a.get("doesNotKnow"))
                .containsExactly(false, false, true);
    }

    /** The survey result for an attempt as it is on the topic, read without a consumer group. */
    private Optional<SurveyResultEvent> resultEvent(String attemptId) {
        Map<String, Object> props = kafka.connection().clientProperties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SURVEY_RESULTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            EventJson json = new EventJson();
            List<SurveyResultEvent> found = new ArrayList<>();
            await("reading " + Topics.SURVEY_RESULTS + " to its end offsets").atMost(Duration.ofMinutes(2))
                    .pollInSameThread().pollInterval(Duration.ofMillis(1)).until(() -> {
                        for (var record : consumer.poll(Duration.ofMillis(200))) {
                            SurveyResultEvent event = json.readSurveyResult(record.value());
                            if (event.attemptId().equals(attemptId)) {
                                found.add(event);
                            }
                        }
                        return !found.isEmpty() || partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
                    });
            return found.stream().findFirst();
        }
    }
}
