package org.epicall.campaign.api;

import org.epicall.campaign.schedule.CampaignSchedule;

/**
 * What a new campaign gets when its official changes nothing.
 *
 * @param region   region for roster numbers without country code
 * @param language language for roster rows that name none
 * @param schedule calling window and retry policy
 */
record NewCampaignDefaults(String region, String language, CampaignSchedule schedule) {
}
