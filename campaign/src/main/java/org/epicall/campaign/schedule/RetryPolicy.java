package org.epicall.campaign.schedule;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.epicall.campaign.config.ScheduleProperties;
import org.epicall.survey.call.CallOutcome;

/**
 * What happens to a contact after an attempt: done, given up, out of attempts, or retried after the
 * delay its outcome calls for. Immutable and thread-safe.
 *
 * @param delays       wait before the next attempt, per outcome
 * @param defaultDelay wait for outcomes {@code delays} does not name
 * @param giveUpOn     outcomes after which the contact is not called again
 * @param maxAttempts  attempts per contact over the whole campaign
 * @param dailyCap     attempts per contact per local calendar day
 */
public record RetryPolicy(Map<CallOutcome, Duration> delays, Duration defaultDelay, Set<CallOutcome> giveUpOn,
                          int maxAttempts, int dailyCap) {

    public RetryPolicy {
        delays = Map.copyOf(delays);
        giveUpOn = Set.copyOf(giveUpOn);
        if (maxAttempts < 1 || dailyCap < 1) {
            throw new IllegalArgumentException("maxAttempts and dailyCap must be at least 1");
        }
    }

    public static RetryPolicy from(ScheduleProperties schedule) {
        return new RetryPolicy(schedule.retryDelay(), schedule.defaultRetryDelay(), schedule.giveUpOn(),
                schedule.maxAttempts(), schedule.dailyCap());
    }

    /** What to do with a contact. */
    public sealed interface Next {
    }

    /** The survey call took place: the contact is done. */
    public record Completed() implements Next {
    }

    /** The outcome says calling again is pointless. */
    public record GiveUp(CallOutcome outcome) implements Next {
    }

    /** Every allowed attempt has been made. */
    public record OutOfAttempts(int attempts) implements Next {
    }

    /** Try again, not before {@code delay} from now. */
    public record RetryAfter(Duration delay) implements Next {
    }

    /**
     * Decides after an attempt. An outcome the resident had no part in ({@link CallOutcome#countsAgainstResident()}
     * false: the PBX or the campaign's setup failed) does not use up one of their attempts, so it never
     * runs them out of attempts.
     *
     * @param outcome     how the attempt ended
     * @param attemptsMade attempts made so far, including this one
     */
    public Next after(CallOutcome outcome, int attemptsMade) {
        if (outcome == CallOutcome.ANSWERED) {
            return new Completed();
        }
        if (giveUpOn.contains(outcome)) {
            return new GiveUp(outcome);
        }
        int counted = outcome.countsAgainstResident() ? attemptsMade : attemptsMade - 1;
        if (counted >= maxAttempts) {
            return new OutOfAttempts(counted);
        }
        return new RetryAfter(delays.getOrDefault(outcome, defaultDelay));
    }
}
