package org.epicall.campaign.boundary;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.epicall.campaign.lifecycle.CampaignNotFoundException;
import org.epicall.campaign.lifecycle.CampaignRepository;
import org.epicall.campaign.schedule.DialRequestPublishException;
import org.epicall.messaging.QuestionnaireEvent;
import org.epicall.messaging.QuestionnairePublisher;

/**
 * Makes each campaign's questionnaire, as the campaign runs it, available to every dialer node: published
 * on {@code epicall.questionnaires} under its version (a hash of its text) before the first dial request that
 * names that version leaves this service. Thread-safe.
 */
final class QuestionnaireDistribution {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final CampaignRepository campaigns;
    private final QuestionnairePublisher publisher;
    /** Campaign id to the version this service has seen acknowledged. */
    private final Map<String, String> published = new ConcurrentHashMap<>();

    QuestionnaireDistribution(CampaignRepository campaigns, QuestionnairePublisher publisher) {
        this.campaigns = campaigns;
        this.publisher = publisher;
    }

    /**
     * The version of the campaign's questionnaire, published first if this service has not yet done so.
     *
     * @throws DialRequestPublishException if Kafka does not acknowledge it (the scheduler tries again later)
     */
    String versionFor(String campaignId, String questionnaireId) {
        String known = published.get(campaignId);
        if (known != null) {
            return known;
        }
        String yaml = campaigns.questionnaireYaml(campaignId).orElseThrow(() -> new CampaignNotFoundException(campaignId));
        QuestionnaireEvent event = QuestionnaireEvent.of(questionnaireId, yaml);
        try {
            publisher.publish(event).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DialRequestPublishException("interrupted while publishing questionnaire " + event.key(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new DialRequestPublishException("Kafka did not acknowledge questionnaire " + event.key()
                    + " of campaign " + campaignId, e);
        }
        published.put(campaignId, event.version());
        return event.version();
    }
}
