package org.epicall.campaign.lifecycle;

/** No campaign has the given id. */
public class CampaignNotFoundException extends RuntimeException {

    public CampaignNotFoundException(String campaignId) {
        super("no campaign with id '" + campaignId + "'");
    }
}
