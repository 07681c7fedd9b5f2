package org.epicall.campaign.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/** Where a campaign is in its life: draft → running ⇄ paused → completed / cancelled. */
public enum CampaignState {
    DRAFT,
    RUNNING,
    PAUSED,
    COMPLETED,
    CANCELLED;

    /** The states this one may move to. */
    public Set<CampaignState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(RUNNING, CANCELLED);
            case RUNNING -> EnumSet.of(PAUSED, COMPLETED, CANCELLED);
            case PAUSED -> EnumSet.of(RUNNING, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(CampaignState.class);
        };
    }

    public boolean canMoveTo(CampaignState target) {
        return next().contains(target);
    }

    public boolean terminal() {
        return next().isEmpty();
    }
}
