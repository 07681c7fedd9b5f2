package org.epicall.campaign.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.contact.ContactState;
import org.epicall.campaign.contact.ContactStore;
import org.epicall.campaign.lifecycle.CampaignState;
import org.epicall.campaign.roster.ImportedContact;
import org.epicall.campaign.schedule.DialRequestPublisher;
import org.epicall.campaign.schedule.DialScheduler;
import org.epicall.campaign.testsupport.MutableClock;
import org.epicall.campaign.testsupport.Rosters;
import org.epicall.campaign.testsupport.TestClockConfiguration;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.CallResultSink;
import org.epicall.survey.call.SurveyResponse;
import org.epicall.survey.call.SurveyStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The campaign service on the embedded Kafka broker: dial requests go out through the Kafka adapter,
 * and a dialer's reports, sent through the {@link CallResultSink} into Kafka, come back into the
 * contact state.
 */
@SpringBootTest(properties = {"epicall.kafka.enabled=true",
        "epicall.campaign.storage-dir=./target/test-data/${random.uuid}"})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class KafkaBoundaryTest {

    @Autowired Campaigns campaigns;
    @Autowired DialScheduler scheduler;
    @Autowired DialRequestPublisher publisher;
    @Autowired CallResultSink dialerSink;
    @Autowired ContactStore contacts;
    @Autowired MutableClock clock;

    @Test
    void dialRequestsGoToKafkaAndReportsFromKafkaCompleteTheCampaign() {
        clock.set(Instant.parse("2026-03-09T01:00:00Z"));
        String id = Rosters.imported(campaigns, "phone\n010-1000-0001\n").id();
        campaigns.start(id);
        String contactRef = ImportedContact.referenceFor(id, 2);

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
}
