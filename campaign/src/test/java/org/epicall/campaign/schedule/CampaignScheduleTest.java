package org.epicall.campaign.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.epicall.campaign.config.ScheduleProperties;
import org.epicall.survey.call.CallOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CampaignScheduleTest {

    private static final CampaignSchedule VALID = new CampaignSchedule(LocalTime.of(9, 0), LocalTime.of(20, 0),
            EnumSet.allOf(DayOfWeek.class), 5, 3, Map.of(CallOutcome.BUSY, Duration.ofMinutes(10)),
            Duration.ofMinutes(30), Set.of(CallOutcome.REJECTED));

    @Test
    void defaultsAreTheConfiguredSchedule() {
        ScheduleProperties configured = new ScheduleProperties(true, Duration.ofSeconds(1), LocalTime.of(8, 30),
                LocalTime.of(19, 0), Set.of(DayOfWeek.MONDAY), Map.of(CallOutcome.BUSY, Duration.ofMinutes(3)),
                Duration.ofMinutes(20), Set.of(CallOutcome.REJECTED), 4, 2, Duration.ofMinutes(10),
                Duration.ofMinutes(15), Duration.ofMinutes(1), 500, Duration.ofHours(1));

        CampaignSchedule defaults = CampaignSchedule.defaults(configured);

        assertThat(defaults.window()).isEqualTo(new CallingWindow(LocalTime.of(8, 30), LocalTime.of(19, 0),
                Set.of(DayOfWeek.MONDAY)));
        assertThat(defaults.retryPolicy()).isEqualTo(new RetryPolicy(configured.retryDelay(), Duration.ofMinutes(20),
                Set.of(CallOutcome.REJECTED), 4, 2));
        assertThat(defaults.retryDelays()).containsEntry(CallOutcome.BUSY, Duration.ofMinutes(3))
                .containsEntry(CallOutcome.NO_ANSWER, Duration.ofHours(1));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("window ending before it starts", "windowEnd",
                        (UnaryOperator<CampaignSchedule>) s -> copy(s, LocalTime.of(20, 0), LocalTime.of(9, 0),
                                s.callingDays(), s.maxAttempts(), s.dailyCap(), s.retryDelays())),
                Arguments.of("no calling day", "callingDays",
                        (UnaryOperator<CampaignSchedule>) s -> copy(s, s.windowStart(), s.windowEnd(), Set.of(),
                                s.maxAttempts(), s.dailyCap(), s.retryDelays())),
                Arguments.of("no attempt at all", "maxAttempts",
                        (UnaryOperator<CampaignSchedule>) s -> copy(s, s.windowStart(), s.windowEnd(),
                                s.callingDays(), 0, 1, s.retryDelays())),
                Arguments.of("more attempts than allowed", "maxAttempts",
                        (UnaryOperator<CampaignSchedule>) s -> copy(s, s.windowStart(), s.windowEnd(),
                                s.callingDays(), CampaignSchedule.MAX_ATTEMPTS + 1, 1, s.retryDelays())),
                Arguments.of("more attempts a day than in all", "dailyCap",
                        (UnaryOperator<CampaignSchedule>) s -> copy(s, s.windowStart(), s.windowEnd(),
                                s.callingDays(), 2, 3, s.retryDelays())),
                Arguments.of("a zero retry delay", "retryDelays.BUSY",
                        (UnaryOperator<CampaignSchedule>) s -> copy(s, s.windowStart(), s.windowEnd(),
                                s.callingDays(), s.maxAttempts(), s.dailyCap(),
                                Map.of(CallOutcome.BUSY, Duration.ZERO))),
                Arguments.of("a retry after an answered call", "retryDelays",
                        (UnaryOperator<CampaignSchedule>) s -> copy(s, s.windowStart(), s.windowEnd(),
                                s.callingDays(), s.maxAttempts(), s.dailyCap(),
                                Map.of(CallOutcome.ANSWERED, Duration.ofMinutes(5)))));
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @MethodSource("invalid")
    void refusesAScheduleNamingTheField(String what, String field, UnaryOperator<CampaignSchedule> change) {
        assertThatThrownBy(() -> change.apply(VALID))
                .isInstanceOfSatisfying(InvalidScheduleException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static CampaignSchedule copy(CampaignSchedule s, LocalTime start, LocalTime end, Set<DayOfWeek> days,
                                         int maxAttempts, int dailyCap, Map<CallOutcome, Duration> delays) {
        return new CampaignSchedule(start, end, days, maxAttempts, dailyCap, delays, s.defaultRetryDelay(),
                s.giveUpOn());
    }
}
