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
    /** It rang until the originate timeout (reason 3, cause 19). */
    NO_ANSWER,
    /** The network was congested (reason 8, cause 34). */
    CONGESTION,
    /** The resident's side rejected the call before answering (reason 0 with cause 21). */
    REJECTED,
    /** Any other failure reported by the PBX (reason 0/1 without a more specific cause). */
    FAILED,
    /** No PBX could be reached, or the one handling the call went away before it reported back. */
    UNREACHABLE_SERVER,
    /**
     * The dialer node would not place the call, so that it could be surveyed: it cannot load the attempt's
     * questionnaire or has no recognition model for its language. Nothing was dialed; the detail says why.
     */
    REFUSED;

    /** True for outcomes after which the campaign may try the same contact again later. */
    public boolean retryable() {
        return this != ANSWERED;
    }
}
