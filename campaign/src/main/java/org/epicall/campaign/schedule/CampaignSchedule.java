package org.epicall.campaign.schedule;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.epicall.campaign.config.ScheduleProperties;
import org.epicall.survey.call.CallOutcome;

/**
 * When and how often one campaign calls its residents: its calling window and its retry policy. Chosen
 * by the official when the campaign is created, from the service's defaults
 * ({@code epicall.campaign.schedule}), and fixed from then on. Immutable and thread-safe.
 *
 * @param windowStart       local time, in each resident's zone, from which calls may be placed
 * @param windowEnd         local time at which the window closes (exclusive); after {@code windowStart}
 * @param callingDays       local days of the week on which calls may be placed; at least one
 * @param maxAttempts       attempts per resident over the whole campaign, 1 to {@value #MAX_ATTEMPTS}
 * @param dailyCap          attempts per resident per local calendar day, 1 to {@code maxAttempts}
 * @param retryDelays       wait before the next attempt, per outcome of the last one
 * @param defaultRetryDelay wait after an outcome {@code retryDelays} does not name
 * @param giveUpOn          outcomes after which a resident is not called again
 */
@Schema(description = "A campaign's calling window (in each resident's own time zone) and retry policy."
        + " Durations are ISO-8601, e.g. PT10M; times are HH:mm.")
public record CampaignSchedule(
        @Schema(type = "string", example = "09:00") LocalTime windowStart,
        @Schema(type = "string", example = "20:00") LocalTime windowEnd,
        Set<DayOfWeek> callingDays,
        int maxAttempts,
        int dailyCap,
        Map<CallOutcome, Duration> retryDelays,
        Duration defaultRetryDelay,
        Set<CallOutcome> giveUpOn) {

    /** The most attempts a campaign may make at one resident. */
    public static final int MAX_ATTEMPTS = 20;
    private static final Duration LONGEST_DELAY = Duration.ofDays(30);

    public CampaignSchedule {
        require(windowStart != null, "windowStart", "the calling window needs a start time, e.g. 09:00");
        require(windowEnd != null, "windowEnd", "the calling window needs an end time, e.g. 20:00");
        require(windowStart.isBefore(windowEnd), "windowEnd",
                "the calling window must end (" + windowEnd + ") after it starts (" + windowStart + ")");
        require(callingDays != null && !callingDays.isEmpty(), "callingDays", "choose at least one calling day");
        require(maxAttempts >= 1 && maxAttempts <= MAX_ATTEMPTS, "maxAttempts",
                "attempts per resident must be between 1 and " + MAX_ATTEMPTS + ", was " + maxAttempts);
        require(dailyCap >= 1 && dailyCap <= maxAttempts, "dailyCap",
                "attempts per day must be between 1 and the attempts per resident (" + maxAttempts + "), was "
                        + dailyCap);
        require(defaultRetryDelay != null, "defaultRetryDelay", "the retry delay for other outcomes is missing");
        checkDelay("defaultRetryDelay", defaultRetryDelay);
        Map<CallOutcome, Duration> delays = new EnumMap<>(CallOutcome.class);
        if (retryDelays != null) {
            retryDelays.forEach((outcome, delay) -> {
                require(outcome != null && outcome != CallOutcome.ANSWERED, "retryDelays",
                        "an answered call is not retried; retry delays are for BUSY, NO_ANSWER, CONGESTION,"
                                + " REJECTED, INVALID_NUMBER, MACHINE, FAILED, UNREACHABLE_SERVER, CAMPAIGN_FAULT and REFUSED");
                require(delay != null, "retryDelays." + outcome, "the retry delay after " + outcome + " is missing");
                checkDelay("retryDelays." + outcome, delay);
                delays.put(outcome, delay);
            });
        }
        retryDelays = Map.copyOf(delays);
        require(giveUpOn == null || !giveUpOn.contains(CallOutcome.ANSWERED), "giveUpOn",
                "an answered call completes the resident; it cannot be a reason to give up");
        // in the enums' order (Set.copyOf would iterate in an order that changes from one JVM to the next)
        giveUpOn = giveUpOn == null || giveUpOn.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(giveUpOn));
        callingDays = Collections.unmodifiableSet(EnumSet.copyOf(callingDays));
    }

    /** The service's defaults, as configured under {@code epicall.campaign.schedule}. */
    public static CampaignSchedule defaults(ScheduleProperties settings) {
        return new CampaignSchedule(settings.windowStart(), settings.windowEnd(), settings.callingDays(),
                settings.maxAttempts(), Math.min(settings.dailyCap(), settings.maxAttempts()), settings.retryDelay(),
                settings.defaultRetryDelay(), settings.giveUpOn());
    }

    /** The calling window this schedule describes. */
    public CallingWindow window() {
        return new CallingWindow(windowStart, windowEnd, callingDays);
    }

    /** The retry policy this schedule describes. */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(retryDelays, defaultRetryDelay, giveUpOn, maxAttempts, dailyCap);
    }

    private static void checkDelay(String field, Duration delay) {
        require(delay.isPositive() && delay.compareTo(LONGEST_DELAY) <= 0, field,
                "a retry delay must be more than 0 and at most 30 days, was " + delay);
    }

    private static void require(boolean holds, String field, String message) {
        if (!holds) {
            throw new InvalidScheduleException(field, message);
        }
    }
}
