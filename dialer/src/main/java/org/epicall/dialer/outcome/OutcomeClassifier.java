package org.epicall.dialer.outcome;

import org.epicall.survey.call.CallOutcome;

/**
 * Turns what Asterisk reports about an originate into a {@link CallOutcome}, as Asterisk 22 reports it
 * (shared/reference/asterisk-22.10.1, ami-02..05 and ami-21):
 *
 * <table>
 *   <caption>OriginateResponse Reason, and the Q.850 cause of the call's HangupRequest/Hangup</caption>
 *   <tr><th>Reason</th><th>cause</th><th>outcome</th></tr>
 *   <tr><td>4 (Success)</td><td>any</td><td>ANSWERED</td></tr>
 *   <tr><td>5</td><td>17 (only on the far half)</td><td>BUSY</td></tr>
 *   <tr><td>3</td><td>19</td><td>NO_ANSWER: rang until the Originate timed out</td></tr>
 *   <tr><td>8</td><td>34 (only on the far half)</td><td>CONGESTION at the far end</td></tr>
 *   <tr><td>0</td><td>21</td><td>REJECTED</td></tr>
 *   <tr><td>0</td><td>18, 19, 20</td><td>NO_ANSWER: nobody responded, or the phone is off or out of
 *       coverage and never rang (20, DialStatus CHANUNAVAIL)</td></tr>
 *   <tr><td>0</td><td>1, 3, 22, 28</td><td>INVALID_NUMBER: no such number, no route, number changed,
 *       malformed number</td></tr>
 *   <tr><td>0</td><td>34, 38, 41, 42, 44</td><td>CONGESTION on the trunk or in the network</td></tr>
 *   <tr><td>0</td><td>0 or none</td><td>no outcome: the server refused the call itself
 *       ({@link #isServerRefusal}: maxcalls, maxload, an unknown context or technology, a ChannelId clash;
 *       ami-07, ami-20, ami-22, ami-27)</td></tr>
 *   <tr><td>0, 1</td><td>anything else</td><td>FAILED</td></tr>
 * </table>
 *
 * <p>Reason 0 says only that the leg failed, and Asterisk may send it before the hangup event that
 * carries the cause (ami-21: in 7 of 40 rejections it came before every hangup event): the caller must
 * wait for the cause before it classifies. Thread-safe; stateless.
 */
public final class OutcomeClassifier {

    private static final int REASON_FAILURE = 0;
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
     * @param cause   the most specific hangup cause seen for the call so far, or {@code null}
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

    /**
     * Whether only a cause can tell what this failed OriginateResponse means: Reason 0 or 1 (or none)
     * with no specific cause seen yet.
     */
    public static boolean needsCause(Integer reason, Integer cause) {
        boolean reasonSaysNothing = reason == null || reason == REASON_FAILURE || reason == REASON_HANGUP
                || reason == REASON_ANSWERED;
        return reasonSaysNothing && (cause == null || isUnspecific(cause));
    }

    /**
     * Whether a failed originate was refused by the server itself rather than by the network or the
     * resident: Reason 0 and no cause beyond 0 once the dialer's channel has hung up (or never existed).
     * Asterisk then never rang anyone.
     */
    public static boolean isServerRefusal(Integer reason, Integer cause) {
        return (reason == null || reason == REASON_FAILURE) && (cause == null || cause == 0);
    }

    /** The outcome a Q.850 cause alone implies; {@code FAILED} for unknown or unspecific causes. */
    public static CallOutcome byCause(Integer cause) {
        if (cause == null) {
            return CallOutcome.FAILED;
        }
        return switch (cause) {
            case 17 -> CallOutcome.BUSY;
            case 18, 19, 20 -> CallOutcome.NO_ANSWER;
            case 21 -> CallOutcome.REJECTED;
            case 1, 3, 22, 28 -> CallOutcome.INVALID_NUMBER;
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
