package org.epicall.campaign.lifecycle;

/** A lifecycle command that the campaign's current state does not allow, e.g. resuming a draft. */
public class IllegalTransitionException extends RuntimeException {

    private final String campaignId;
    private final CampaignState from;
    private final CampaignState to;

    public IllegalTransitionException(String campaignId, CampaignState from, CampaignState to) {
        super("campaign " + campaignId + " is " + from.name().toLowerCase() + " and cannot become "
                + to.name().toLowerCase() + "; allowed from " + from.name().toLowerCase() + ": "
                + (from.next().isEmpty() ? "none (it has ended)" : from.next().toString().toLowerCase()));
        this.campaignId = campaignId;
        this.from = from;
        this.to = to;
    }

    public String campaignId() {
        return campaignId;
    }

    public CampaignState from() {
        return from;
    }

    public CampaignState to() {
        return to;
    }
}
