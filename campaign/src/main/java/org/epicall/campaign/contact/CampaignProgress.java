package org.epicall.campaign.contact;

/**
 * Counts of one campaign, as the dashboard and the demo show them.
 *
 * @param campaignId campaign
 * @param contacts   residents imported
 * @param pending    never called yet
 * @param dialing    with an attempt outstanding
 * @param retrying   waiting for another attempt
 * @param completed  surveyed (complete, partial or declined)
 * @param failed     given up on an outcome such as rejected
 * @param exhausted  out of attempts
 * @param dialed     attempts placed so far
 * @param answered   attempts the resident answered
 * @param flagged    residents with triage flags
 */
public record CampaignProgress(
        String campaignId,
        long contacts,
        long pending,
        long dialing,
        long retrying,
        long completed,
        long failed,
        long exhausted,
        long dialed,
        long answered,
        long flagged) {

    /** Residents whose calls are over, one way or another. */
    public long finished() {
        return completed + failed + exhausted;
    }
}
