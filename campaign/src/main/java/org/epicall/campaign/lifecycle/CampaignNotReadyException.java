package org.epicall.campaign.lifecycle;

/** A campaign that cannot start yet, e.g. while its roster is still being imported. */
public class CampaignNotReadyException extends RuntimeException {

    public CampaignNotReadyException(String campaignId, String why) {
        super("campaign " + campaignId + " cannot start: " + why);
    }
}
