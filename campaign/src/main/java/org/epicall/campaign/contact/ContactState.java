package org.epicall.campaign.contact;

/** Where one resident of a campaign stands. */
public enum ContactState {
    /** Imported, never called. */
    PENDING,
    /** One attempt is outstanding; no other may start until it reports back or is swept. */
    DIALING,
    /** Waiting for the next attempt after busy, no answer or a lost attempt. */
    RETRYING,
    /** The survey call took place (complete, partial or declined). */
    COMPLETED,
    /** An outcome after which the resident is not called again (e.g. rejected). */
    FAILED,
    /** Every allowed attempt was made without reaching the resident. */
    EXHAUSTED;

    public boolean open() {
        return this == PENDING || this == DIALING || this == RETRYING;
    }
}
