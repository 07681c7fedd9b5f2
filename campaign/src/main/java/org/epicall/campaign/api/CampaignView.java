package org.epicall.campaign.api;

import java.time.Instant;
import org.epicall.campaign.contact.CampaignProgress;
import org.epicall.campaign.lifecycle.Campaign;

/**
 * A campaign as the API shows it.
 *
 * @param id              campaign id
 * @param name            name
 * @param state           draft, running, paused, completed or cancelled
 * @param questionnaireId questionnaire the calls run
 * @param importStatus    roster import: pending, running, completed or failed
 * @param importDetail    why the import failed, if it did
 * @param createdAt       creation time
 * @param progress        counts
 */
public record CampaignView(String id, String name, String state, String questionnaireId, String importStatus,
                           String importDetail, Instant createdAt, CampaignProgress progress) {

    static CampaignView of(Campaign campaign, CampaignProgress progress) {
        return new CampaignView(campaign.id(), campaign.name(), campaign.state().name().toLowerCase(),
                campaign.questionnaireId(), campaign.importStatus().name().toLowerCase(), campaign.importDetail(),
                campaign.createdAt(), progress);
    }
}
