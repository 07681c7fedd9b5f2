package org.epicall.pbx.call;

/**
 * Where a failed Originate's OriginateResponse falls among the call's hangup events. Asterisk sends it from the
 * originating thread while the channels hang up on theirs, so the order varies from run to run: over 140
 * recorded runs (ami-21-rejected-race-runs.txt) every position was seen, while the events of each channel kept
 * their own order and, for a call refused with a cause (21, 20, 1), HangupRequest on {@code ;1} always carried
 * the cause first. A dialer must therefore not classify a Reason 0 failure until that cause has arrived.
 *
 * <p>Each named order below was seen in the reference runs for busy, congestion, rejected (21), subscriber absent
 * (20), unallocated number (1) and server refusals (maxload). A ringing timeout (Reason 3) keeps the order seen
 * in most runs whatever the setting: HangupRequest {@code ;2}, OriginateResponse, then the hangups.
 */
public enum FailureEventOrder {
    /** Before any hangup event of the call: the race a dialer classifying on arrival loses (7 of 40 rejections). */
    RESPONSE_FIRST,
    /** After the far half's events, just before the {@code ;1} Hangup: the commonest order (12 of 40). */
    RESPONSE_BEFORE_CALLER_HANGUP,
    /** After every Hangup of the call (10 of 40). */
    RESPONSE_LAST,
    /** Each call takes one of the three above in turn, so a run of calls shows all of them. The default. */
    VARIED;

    /**
     * The index in a sequence of {@code steps} closing events at which the response goes (0 = first,
     * {@code steps} = last), for the {@code call}-th call of the simulator.
     */
    int position(int steps, long call) {
        FailureEventOrder order = this == VARIED ? values()[(int) Math.floorMod(call, 3L)] : this;
        return switch (order) {
            case RESPONSE_FIRST -> 0;
            case RESPONSE_BEFORE_CALLER_HANGUP -> Math.max(0, steps - 1);
            default -> steps;
        };
    }
}
