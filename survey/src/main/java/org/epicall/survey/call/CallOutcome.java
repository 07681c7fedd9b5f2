package org.epicall.survey.call;

/**
 * How one call attempt ended, as far as the telephone network is concerned. Whether the survey
 * itself was completed is told by {@link SurveyStatus}.
 */
public enum CallOutcome {
    /** The resident picked up (OriginateResponse reason 4). */
    ANSWERED,
    /** The line was busy (reason 5, cause 17). */
    BUSY,
    /**
     * It rang until the originate timeout (reason 3, cause 19), nobody responded (cause 18), or the
     * phone was off or out of coverage and never rang (cause 20).
     */
    NO_ANSWER,
    /** The network or the far end was congested (reason 8; causes 34, 38, 41, 42, 44). */
    CONGESTION,
    /** The resident's side rejected the call before answering (reason 0 with cause 21). */
    REJECTED,
    /**
     * The network says the number does not exist or is not in service (cause 1, 3, 22 or 28): calling
     * again will not help; the roster needs checking.
     */
    INVALID_NUMBER,
    /**
     * An answering machine or voicemail took the call (Asterisk's AMD() said MACHINE): nobody was
     * surveyed, and the resident may pick up another time.
     */
    MACHINE,
    /** Any other failure reported by the PBX (reason 0/1 without a more specific cause). */
    FAILED,
    /**
     * No PBX could place the call: none was reachable, the one handling it went away before it
     * reported back, or it refused the call for its own limits (maxcalls, maxload) until the dialer
     * gave up on it. Not the resident's doing.
     */
    UNREACHABLE_SERVER,
    /**
     * The campaign's own setup kept the survey from happening: a prompt it plays is not installed
     * on the PBX. Not the resident's doing; the dialer stops ringing residents for that
     * questionnaire and language for a while and says which prompt is missing.
     */
    CAMPAIGN_FAULT,
    /**
     * The dialer node would not place the call, so that it could be surveyed: it cannot load the attempt's
     * questionnaire or has no recognition model for its language. Nothing was dialed; the detail says why.
     */
    REFUSED;

    /** True for outcomes after which the campaign may try the same contact again later. */
    public boolean retryable() {
        return this != ANSWERED;
    }

    /**
     * False for outcomes the resident had no part in (the PBX, or the campaign's setup, failed):
     * such an attempt does not use up one of the resident's attempts.
     */
    public boolean countsAgainstResident() {
        return this != UNREACHABLE_SERVER && this != CAMPAIGN_FAULT && this != REFUSED;
    }
}
