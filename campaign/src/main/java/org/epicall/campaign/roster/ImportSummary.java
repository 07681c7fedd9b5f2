package org.epicall.campaign.roster;

/**
 * Where a campaign's roster import stands.
 *
 * @param campaignId campaign
 * @param status     batch status of the last run: {@code COMPLETED}, {@code FAILED}, {@code STARTED}, ...
 * @param imported   contacts stored
 * @param rejected   rows in the rejects report
 * @param failure    why the import stopped, or {@code null}
 */
public record ImportSummary(String campaignId, String status, long imported, long rejected, String failure) {

    public boolean completed() {
        return "COMPLETED".equals(status);
    }
}
