package org.epicall.campaign.boundary;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.epicall.campaign.lifecycle.CampaignRepository;
import org.epicall.campaign.schedule.AttemptResultHandler;
import org.epicall.campaign.schedule.DialRequestPublishException;
import org.epicall.campaign.schedule.DialRequestPublisher;
import org.epicall.messaging.CallAttemptConsumer;
import org.epicall.messaging.KafkaEndpoint;
import org.epicall.messaging.QuestionnairePublisher;
import org.epicall.messaging.ResultAnswer;
import org.epicall.messaging.SurveyResultConsumer;
import org.epicall.messaging.SurveyResultEvent;
import org.epicall.survey.call.DialRequest;
import org.epicall.survey.call.SurveyResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Connects the scheduler and the contact state to Kafka: dial requests out on
 * {@code epicall.dial-requests}, attempt outcomes and survey results in from
 * {@code epicall.call-attempts} and {@code epicall.survey-results}, in consumer group
 * {@value #GROUP}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "epicall.kafka", name = "enabled", havingValue = "true", matchIfMissing = true)
public class KafkaBoundaryConfiguration {

    /** Consumer group of the campaign service. */
    public static final String GROUP = "epicall-campaign";
    private static final long ACK_TIMEOUT_SECONDS = 30;

    /**
     * Dial requests out to Kafka, each naming the version of its campaign's questionnaire, which goes out
     * first (once) on {@code epicall.questionnaires} so every dialer node can run it.
     */
    @Bean
    @Primary
    DialRequestPublisher kafkaDialRequests(org.epicall.messaging.DialRequestPublisher kafka,
                                           QuestionnairePublisher questionnaires, CampaignRepository campaigns) {
        QuestionnaireDistribution distribution = new QuestionnaireDistribution(campaigns, questionnaires);
        return plain -> {
            String version = distribution.versionFor(plain.campaignId(), plain.questionnaireId());
            DialRequest request = new DialRequest(plain.attemptId(), plain.campaignId(), plain.contactRef(),
                    plain.phoneNumber(), plain.language(), plain.questionnaireId(), plain.attemptNumber(),
                    plain.notAfter(), version);
            try {
                kafka.publish(request).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DialRequestPublishException("interrupted while publishing " + request.attemptId(), e);
            } catch (ExecutionException | TimeoutException e) {
                throw new DialRequestPublishException("Kafka did not acknowledge dial request " + request.attemptId(), e);
            }
        };
    }

    @Bean(destroyMethod = "close")
    CallAttemptConsumer callAttemptConsumer(KafkaEndpoint endpoint, AttemptResultHandler handler) {
        return CallAttemptConsumer.start(endpoint.connection(), GROUP, handler::attemptFinished);
    }

    @Bean(destroyMethod = "close")
    SurveyResultConsumer surveyResultConsumer(KafkaEndpoint endpoint, AttemptResultHandler handler) {
        return SurveyResultConsumer.start(endpoint.connection(), GROUP,
                event -> handler.surveyFinished(toResponse(event)));
    }

    static SurveyResponse toResponse(SurveyResultEvent event) {
        return new SurveyResponse(event.attemptId(), event.campaignId(), event.contactRef(), event.questionnaireId(),
                event.language(), event.status(), event.stoppedAt(), event.startedAt(), event.endedAt(),
                event.answers().stream().map(ResultAnswer::answeredQuestion).toList(),
                event.triageFlags());
    }
}
