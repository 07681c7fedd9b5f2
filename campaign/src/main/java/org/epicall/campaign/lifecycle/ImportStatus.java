package org.epicall.campaign.lifecycle;

/** How far the roster import of a campaign has got. */
public enum ImportStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED,
    /** Stopped because the campaign was cancelled; never resumed. */
    CANCELLED
}
