package org.epicall.dialer.outcome;

import org.epicall.survey.call.CallOutcome;

/**
 * Turns what Asterisk reports about an originate into a {@link CallOutcome}.
 *
 * <p>The OriginateResponse {@code Reason} is Asterisk's last control frame on the outbound leg
 * (4 answer, 5 busy, 3 ringing timed out, 8 congestion). Reason 0 (and 1, "hung up") says only that
 * the leg failed, so the Q.850 cause of the leg's Hangup event decides: 21 rejected, 17 busy,
 * 18/19 no answer, 34/38/41/42/44 congestion. Thread-safe; stateless.
 */
public final class OutcomeClassifier {

    private static final int REASON_HANGUP = 1;
    private static final int REASON_RING_TIMEOUT = 3;
    private static final int REASON_ANSWERED = 4;
    private static final int REASON_BUSY = 5;
    private static final int REASON_CONGESTION = 8;

    private OutcomeClassifier() {
    }

    /**
     * @param success true when the OriginateResponse said {@code Response: Success}
     * @param reason  the {@code Reason} field, or {@code null} if missing or unparsable
     * @param cause   the most specific Hangup cause seen for the call so far, or {@code null}
     */
    public static CallOutcome classify(boolean success, Integer reason, Integer cause) {
        if (success) {
            return CallOutcome.ANSWERED;
        }
        if (reason != null) {
            switch (reason) {
                case REASON_ANSWERED:
                    // a Failure carrying "answered" means the call died while being connected
                    return byCause(cause);
                case REASON_BUSY:
                    return CallOutcome.BUSY;
                case REASON_RING_TIMEOUT:
                    return CallOutcome.NO_ANSWER;
                case REASON_CONGESTION:
                    return CallOutcome.CONGESTION;
                case REASON_HANGUP:
                default:
                    return byCause(cause);
            }
        }
        return byCause(cause);
    }

    /** The outcome a Q.850 cause alone implies; {@code FAILED} for unknown or unspecific causes. */
    public static CallOutcome byCause(Integer cause) {
        if (cause == null) {
            return CallOutcome.FAILED;
        }
        return switch (cause) {
            case 17 -> CallOutcome.BUSY;
            case 18, 19 -> CallOutcome.NO_ANSWER;
            case 21 -> CallOutcome.REJECTED;
            case 34, 38, 41, 42, 44 -> CallOutcome.CONGESTION;
            default -> CallOutcome.FAILED;
        };
    }

    /**
     * Whether a new cause says more than the one already kept: 0 (not defined) and 16 (normal
     * clearing) are what the dialer's own half of a Local channel reports, so any other cause wins.
     */
    public static boolean moreSpecific(Integer candidate, Integer kept) {
        if (candidate == null) {
            return false;
        }
        return kept == null || (isUnspecific(kept) && !isUnspecific(candidate));
    }

    private static boolean isUnspecific(int cause) {
        return cause == 0 || cause == 16;
    }
}
