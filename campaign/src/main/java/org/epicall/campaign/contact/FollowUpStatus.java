package org.epicall.campaign.contact;

/** Which flagged residents a list shows. */
public enum FollowUpStatus {
    /** Not yet called back. */
    AWAITING,
    /** Called back, as an official recorded. */
    FOLLOWED_UP,
    /** Both. */
    ALL
}
