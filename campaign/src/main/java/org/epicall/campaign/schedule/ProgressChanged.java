package org.epicall.campaign.schedule;

/** Published (as a Spring application event) when a campaign's counts may have changed. */
public record ProgressChanged(String campaignId) {
}
