package org.epicall.campaign.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.epicall.survey.call.CallOutcome;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduling settings, under {@code epicall.campaign.schedule}.
 *
 * @param enabled         whether the scheduler and sweeper run on their own timer (tests drive them by hand)
 * @param tick            how often due contacts are looked for
 * @param windowStart     local time, in each contact's zone, from which calls may be placed
 * @param windowEnd       local time at which the calling window closes (exclusive)
 * @param callingDays     days of the week, in the contact's zone, on which calls may be placed
 * @param retryDelay      wait after each failed outcome before the next attempt
 * @param defaultRetryDelay wait after an outcome that {@code retryDelay} does not name
 * @param giveUpOn        outcomes after which a contact is not called again (it ends failed); by default a
 *                        rejected call and a number the network says does not exist
 * @param maxAttempts     attempts per contact over the whole campaign
 * @param dailyCap        attempts per contact per local calendar day
 * @param dispatchTtl     how long a dial request stays valid for a dialer (capped by the window end)
 * @param maxCallDuration longest a call may last after its originate; with {@code dispatchTtl} it bounds
 *                        when an attempt that never reported back may be swept without risk of a
 *                        second simultaneous ring
 * @param sweptRetryDelay wait before retrying a contact whose attempt was swept
 * @param batchSize       contacts considered per campaign per tick
 * @param minGapAcrossCampaigns least time between the end of one campaign's call to a number and another
 *                        campaign's call to it (one campaign at a time calls a number in any case)
 */
public record ScheduleProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("1s") Duration tick,
        @NotNull @DefaultValue("09:00") LocalTime windowStart,
        @NotNull @DefaultValue("20:00") LocalTime windowEnd,
        @NotEmpty @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"})
        Set<DayOfWeek> callingDays,
        @NotNull Map<CallOutcome, Duration> retryDelay,
        @NotNull @DefaultValue("30m") Duration defaultRetryDelay,
        @NotNull @DefaultValue({"REJECTED", "INVALID_NUMBER"}) Set<CallOutcome> giveUpOn,
        @Min(1) @DefaultValue("5") int maxAttempts,
        @Min(1) @DefaultValue("3") int dailyCap,
        @NotNull @DefaultValue("10m") Duration dispatchTtl,
        @NotNull @DefaultValue("15m") Duration maxCallDuration,
        @NotNull @DefaultValue("1m") Duration sweptRetryDelay,
        @Min(1) @DefaultValue("500") int batchSize,
        @NotNull @DefaultValue("1h") Duration minGapAcrossCampaigns) {

    /**
     * The retry delays a campaign uses when none are configured: busy 10 min, no answer 1 h, congestion
     * 5 min, an answering machine 2 h (the resident is away or not picking up: another time of day is more
     * likely to reach them), an unreachable or refusing server 1 min, a fault of the campaign's setup
     * 10 min (the dialer rings nobody for it for 5 min after finding it, then checks again), a dialer that
     * refused the call (its questionnaire or model not there yet) 10 min.
     */
    public static Map<CallOutcome, Duration> defaultRetryDelays() {
        Map<CallOutcome, Duration> delays = new EnumMap<>(CallOutcome.class);
        delays.put(CallOutcome.BUSY, Duration.ofMinutes(10));
        delays.put(CallOutcome.NO_ANSWER, Duration.ofHours(1));
        delays.put(CallOutcome.CONGESTION, Duration.ofMinutes(5));
        delays.put(CallOutcome.MACHINE, Duration.ofHours(2));
        delays.put(CallOutcome.UNREACHABLE_SERVER, Duration.ofMinutes(1));
        delays.put(CallOutcome.CAMPAIGN_FAULT, Duration.ofMinutes(10));
        delays.put(CallOutcome.REFUSED, Duration.ofMinutes(10));
        return delays;
    }

    public ScheduleProperties {
        Map<CallOutcome, Duration> merged = defaultRetryDelays();
        if (retryDelay != null) {
            merged.putAll(retryDelay);
        }
        retryDelay = Map.copyOf(merged);
        callingDays = Set.copyOf(callingDays);
        giveUpOn = giveUpOn.isEmpty() ? Set.of() : Set.copyOf(giveUpOn);
        if (windowStart != null && windowEnd != null && !windowStart.isBefore(windowEnd)) {
            throw new IllegalArgumentException("epicall.campaign.schedule.window-start (" + windowStart
                    + ") must be before window-end (" + windowEnd + ")");
        }
    }
}
