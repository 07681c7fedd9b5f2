package org.epicall.campaign.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.epicall.campaign.config.ScheduleProperties;
import org.epicall.survey.call.CallOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(ScheduleProperties.defaultRetryDelays(), Duration.ofMinutes(30),
            Set.of(CallOutcome.REJECTED), 5, 3);

    @ParameterizedTest(name = "{0} -> retry after {1}")
    @CsvSource({"BUSY, PT10M", "NO_ANSWER, PT1H", "CONGESTION, PT5M", "MACHINE, PT2H", "UNREACHABLE_SERVER, PT1M",
            "CAMPAIGN_FAULT, PT10M", "FAILED, PT30M"})
    void retriesEachOutcomeAfterItsDelay(CallOutcome outcome, Duration delay) {
        assertThat(policy.after(outcome, 1)).isEqualTo(new RetryPolicy.RetryAfter(delay));
    }

    @Test
    void answeredCallCompletesTheContact() {
        assertThat(policy.after(CallOutcome.ANSWERED, 5)).isEqualTo(new RetryPolicy.Completed());
    }

    @Test
    void rejectedCallIsNotRetried() {
        assertThat(policy.after(CallOutcome.REJECTED, 1)).isEqualTo(new RetryPolicy.GiveUp(CallOutcome.REJECTED));
    }

    @Test
    void fifthUnansweredAttemptIsTheLast() {
        assertThat(policy.after(CallOutcome.BUSY, 4)).isInstanceOf(RetryPolicy.RetryAfter.class);
        assertThat(policy.after(CallOutcome.BUSY, 5)).isEqualTo(new RetryPolicy.OutOfAttempts(5));
    }

    @Test
    void anAnsweringMachineUsesUpOneOfTheResidentsAttempts() {
        assertThat(policy.after(CallOutcome.MACHINE, 5)).isEqualTo(new RetryPolicy.OutOfAttempts(5));
    }

    @ParameterizedTest(name = "{0} is given back")
    @CsvSource({"UNREACHABLE_SERVER", "CAMPAIGN_FAULT"})
    void anAttemptTheResidentHadNoPartInNeverRunsThemOutOfAttempts(CallOutcome outcome) {
        assertThat(policy.after(outcome, 5)).isInstanceOf(RetryPolicy.RetryAfter.class);
        assertThat(policy.after(outcome, 6)).isEqualTo(new RetryPolicy.OutOfAttempts(5));
    }

    @Test
    void configuredDelaysOverrideTheDefaults() {
        var configured = new ScheduleProperties(true, Duration.ofSeconds(1), java.time.LocalTime.of(9, 0),
                java.time.LocalTime.of(20, 0), Set.of(java.time.DayOfWeek.MONDAY),
                Map.of(CallOutcome.BUSY, Duration.ofMinutes(3)), Duration.ofMinutes(30), Set.of(), 5, 3,
                Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(1), 500, Duration.ofHours(1));
        RetryPolicy fromConfig = RetryPolicy.from(configured);
        assertThat(fromConfig.after(CallOutcome.BUSY, 1)).isEqualTo(new RetryPolicy.RetryAfter(Duration.ofMinutes(3)));
        assertThat(fromConfig.after(CallOutcome.NO_ANSWER, 1)).isEqualTo(new RetryPolicy.RetryAfter(Duration.ofHours(1)));
    }
}
