package org.epicall.app.demo.stack;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.epicall.campaign.messaging.CallAttemptConsumer;
import org.epicall.campaign.messaging.KafkaEndpoint;
import org.epicall.campaign.messaging.ResultAnswer;
import org.epicall.campaign.messaging.SurveyResultConsumer;
import org.epicall.campaign.messaging.SurveyResultEvent;
import org.epicall.campaign.schedule.AttemptResultHandler;
import org.epicall.campaign.schedule.DialRequestPublishException;
import org.epicall.campaign.schedule.DialRequestPublisher;
import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.call.SurveyResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Connects the campaign service's scheduler to Kafka, both ways: dial requests go out on
 * {@code epicall.dial-requests}, and what the dialers report on {@code epicall.call-attempts} and
 * {@code epicall.survey-results} comes back into the campaign's contact state.
 *
 * <p>The campaign module has both halves (the scheduler's {@link DialRequestPublisher} port and the
 * messaging module's Kafka clients) but does not yet join them; the demo does it here so that its
 * dial requests and outcomes really cross the broker rather than an in-process call.
 */
@Configuration(proxyBeanMethods = false)
public class CampaignKafkaWiring {

    /** The campaign service's consumer groups on the dialers' report topics, one per topic. */
    public static final String ATTEMPTS_GROUP = "epicall-campaign-attempts";
    public static final String RESULTS_GROUP = "epicall-campaign-results";

    private static final long PUBLISH_TIMEOUT_SECONDS = 30;

    /** Returns once the broker has the request on all in-sync replicas, as the scheduler's port requires. */
    @Bean
    @Primary
    DialRequestPublisher dialRequestsOverKafka(org.epicall.campaign.messaging.DialRequestPublisher kafka) {
        return request -> {
            try {
                kafka.publish(request).get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new DialRequestPublishException("Kafka did not take attempt " + request.attemptId(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DialRequestPublishException("interrupted publishing attempt " + request.attemptId(), e);
            }
        };
    }

    @Bean(destroyMethod = "close")
    CallAttemptConsumer callAttemptsIntoCampaign(KafkaEndpoint endpoint, AttemptResultHandler handler) {
        return CallAttemptConsumer.start(endpoint.bootstrapServers(), ATTEMPTS_GROUP, handler::attemptFinished);
    }

    @Bean(destroyMethod = "close")
    SurveyResultConsumer surveyResultsIntoCampaign(KafkaEndpoint endpoint, AttemptResultHandler handler) {
        return SurveyResultConsumer.start(endpoint.bootstrapServers(), RESULTS_GROUP,
                event -> handler.surveyFinished(response(event)));
    }

    static SurveyResponse response(SurveyResultEvent e) {
        return new SurveyResponse(e.attemptId(), e.campaignId(), e.contactRef(), e.questionnaireId(), e.language(),
                e.status(), e.stoppedAt(), e.startedAt(), e.endedAt(),
                e.answers().stream().map(CampaignKafkaWiring::answer).toList(), e.triageFlags());
    }

    private static AnsweredQuestion answer(ResultAnswer a) {
        return new AnsweredQuestion(a.questionId(), a.transcript(), a.value(), a.confidence(), a.decision(),
                a.source(), a.asks(), null);
    }
}
