package org.epicall.campaign.testsupport;

import org.epicall.campaign.Campaigns;
import org.epicall.campaign.lifecycle.Campaign;
import org.epicall.campaign.lifecycle.CampaignState;

/** Tests share one service; each starts by cancelling what earlier tests left running. */
public final class Isolation {

    private Isolation() {
    }

    public static void cancelLiveCampaigns(Campaigns campaigns) {
        for (Campaign campaign : campaigns.list()) {
            if (campaign.state() == CampaignState.RUNNING || campaign.state() == CampaignState.PAUSED) {
                campaigns.cancel(campaign.id());
            }
        }
    }
}
