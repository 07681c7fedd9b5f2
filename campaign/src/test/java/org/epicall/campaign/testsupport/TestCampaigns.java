package org.epicall.campaign.testsupport;

import java.time.Instant;
import java.util.UUID;
import org.epicall.campaign.lifecycle.Campaign;
import org.epicall.campaign.lifecycle.CampaignRepository;
import org.epicall.campaign.lifecycle.CampaignState;
import org.epicall.campaign.lifecycle.ImportStatus;

/** Campaign rows for tests that start below the API. */
public final class TestCampaigns {

    private TestCampaigns() {
    }

    public static String draft(CampaignRepository campaigns, Instant now) {
        String id = "cmp-" + UUID.randomUUID().toString().substring(0, 8);
        campaigns.insert(new Campaign(id, "test " + id, CampaignState.DRAFT, "covid-checkin", "KR", "ko",
                ImportStatus.PENDING, null, now, now), "id: covid-checkin\n", null);
        return id;
    }
}
