package org.epicall.campaign.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.contact.CampaignProgress;
import org.epicall.campaign.lifecycle.Campaign;
import org.epicall.campaign.schedule.CampaignSchedule;

/**
 * A campaign as the API shows it.
 *
 * @param id              campaign id
 * @param name            name
 * @param state           draft, running, paused, completed or cancelled
 * @param questionnaireId questionnaire the calls run
 * @param importStatus    roster import: pending, running, completed, failed or cancelled (stopped with the campaign, never resumed)
 * @param importDetail    why the import failed, if it did; for analysts with the roster's values hidden
 * @param createdAt       creation time
 * @param progress        counts
 * @param rejectedRows    roster rows not imported so far (see the rejects report)
 * @param schedule        calling window and retry policy
 */
public record CampaignView(String id, String name, String state, String questionnaireId, String importStatus,
                           @Schema(description = "why the import failed; it may quote a roster row, whose values"
                                   + " ANALYST gets as " + RosterValues.HIDDEN, nullable = true)
                           String importDetail,
                           Instant createdAt, CampaignProgress progress, long rejectedRows,
                           CampaignSchedule schedule) {

    static CampaignView of(Campaign campaign, Campaigns campaigns, Viewer viewer) {
        String detail = viewer.seesResidents() ? campaign.importDetail() : RosterValues.hide(campaign.importDetail());
        return new CampaignView(campaign.id(), campaign.name(), campaign.state().name().toLowerCase(),
                campaign.questionnaireId(), campaign.importStatus().name().toLowerCase(), detail,
                campaign.createdAt(), campaigns.progress(campaign.id()), campaigns.rejectedCount(campaign.id()),
                campaigns.schedule(campaign.id()));
    }
}
