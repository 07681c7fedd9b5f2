package org.epicall.campaign.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.epicall.campaign.schedule.CampaignSchedule;
import org.epicall.survey.call.CallOutcome;

/**
 * The calling window and retry policy an official asks for when creating a campaign. Every field is
 * optional: what is left out keeps the service's default ({@code GET /api/campaigns/defaults}).
 */
@Schema(description = "Calling window and retry policy for a new campaign; every field is optional and defaults"
        + " to GET /api/campaigns/defaults. Times HH:mm in each resident's zone, durations ISO-8601 (PT10M)."
        + " retryDelays are merged with the defaults per outcome.")
record ScheduleRequest(
        @Schema(type = "string", example = "09:00", nullable = true) LocalTime windowStart,
        @Schema(type = "string", example = "20:00", nullable = true) LocalTime windowEnd,
        @Schema(nullable = true) Set<DayOfWeek> callingDays,
        @Schema(nullable = true) Integer maxAttempts,
        @Schema(nullable = true) Integer dailyCap,
        @Schema(nullable = true, example = "{\"BUSY\": \"PT10M\", \"NO_ANSWER\": \"PT1H\"}")
        Map<CallOutcome, Duration> retryDelays,
        @Schema(nullable = true, example = "PT30M") Duration defaultRetryDelay,
        @Schema(nullable = true, example = "[\"REJECTED\"]") Set<CallOutcome> giveUpOn) {

    /** The schedule asked for, with the defaults wherever nothing was asked. */
    CampaignSchedule over(CampaignSchedule defaults) {
        Map<CallOutcome, Duration> delays = new EnumMap<>(CallOutcome.class);
        delays.putAll(defaults.retryDelays());
        if (retryDelays != null) {
            delays.putAll(retryDelays);
        }
        return new CampaignSchedule(
                windowStart == null ? defaults.windowStart() : windowStart,
                windowEnd == null ? defaults.windowEnd() : windowEnd,
                callingDays == null ? defaults.callingDays() : callingDays,
                maxAttempts == null ? defaults.maxAttempts() : maxAttempts,
                dailyCap == null ? Math.min(defaults.dailyCap(), maxAttempts == null ? defaults.maxAttempts() : maxAttempts)
                        : dailyCap,
                delays,
                defaultRetryDelay == null ? defaults.defaultRetryDelay() : defaultRetryDelay,
                giveUpOn == null ? defaults.giveUpOn() : giveUpOn);
    }
}
