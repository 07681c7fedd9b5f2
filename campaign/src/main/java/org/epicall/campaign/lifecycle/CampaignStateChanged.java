package org.epicall.campaign.lifecycle;

/** Published (as a Spring application event) whenever a campaign changes state. */
public record CampaignStateChanged(String campaignId, CampaignState state) {
}
