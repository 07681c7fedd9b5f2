package org.epicall.campaign.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallingWindowTest {

    private static final CallingWindow NINE_TO_EIGHT =
            new CallingWindow(LocalTime.of(9, 0), LocalTime.of(20, 0), EnumSet.allOf(DayOfWeek.class));

    @ParameterizedTest(name = "{0} at {1}: open={2}")
    @CsvSource({
            // New York: EST (UTC-5) until 2026-03-08 02:00, then EDT (UTC-4)
            "America/New_York, 2026-03-07T13:59:00Z, false",
            "America/New_York, 2026-03-07T14:00:00Z, true",
            "America/New_York, 2026-03-09T12:59:00Z, false",
            "America/New_York, 2026-03-09T13:00:00Z, true",
            "America/New_York, 2026-03-09T23:59:59Z, true",
            "America/New_York, 2026-03-10T00:00:00Z, false",
            // New York back to EST on 2026-11-01
            "America/New_York, 2026-11-02T13:59:00Z, false",
            "America/New_York, 2026-11-02T14:00:00Z, true",
            // Berlin: CET (UTC+1) until 2026-03-29 02:00, CEST (UTC+2) until 2026-10-25 03:00
            "Europe/Berlin, 2026-03-28T07:59:00Z, false",
            "Europe/Berlin, 2026-03-28T08:00:00Z, true",
            "Europe/Berlin, 2026-03-29T06:59:00Z, false",
            "Europe/Berlin, 2026-03-29T07:00:00Z, true",
            "Europe/Berlin, 2026-03-29T17:59:00Z, true",
            "Europe/Berlin, 2026-03-29T18:00:00Z, false",
            "Europe/Berlin, 2026-10-25T07:59:00Z, false",
            "Europe/Berlin, 2026-10-25T08:00:00Z, true",
            // Seoul has no daylight saving
            "Asia/Seoul, 2026-03-09T00:00:00Z, true",
            "Asia/Seoul, 2026-03-09T11:00:00Z, false",
    })
    void evaluatesTheWindowInTheResidentsZoneAcrossDstChanges(String zone, Instant at, boolean open) {
        assertThat(NINE_TO_EIGHT.allows(at, ZoneId.of(zone))).isEqualTo(open);
    }

    @ParameterizedTest(name = "{0} from {1} -> {2}")
    @CsvSource({
            "America/New_York, 2026-03-08T02:00:00Z, 2026-03-08T13:00:00Z",
            "America/New_York, 2026-11-01T00:30:00Z, 2026-11-01T14:00:00Z",
            "Europe/Berlin,    2026-03-28T19:00:00Z, 2026-03-29T07:00:00Z",
            "Europe/Berlin,    2026-10-24T18:30:00Z, 2026-10-25T08:00:00Z",
            "Asia/Seoul,       2026-03-07T12:00:00Z, 2026-03-08T00:00:00Z",
    })
    void nextOpeningIsNineOClockLocalTimeAfterAClockChange(String zone, Instant from, Instant expected) {
        assertThat(NINE_TO_EIGHT.nextOpening(from, ZoneId.of(zone))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2026-03-09T15:00:00Z, 2026-03-10T00:00:00Z", "2026-11-02T15:00:00Z, 2026-11-03T01:00:00Z"})
    void windowClosesAtEightPmLocalTime(Instant during, Instant closes) {
        assertThat(NINE_TO_EIGHT.closesAt(during, ZoneId.of("America/New_York"))).isEqualTo(closes);
    }

    @ParameterizedTest
    @CsvSource({"2026-03-08T06:00:00Z, 2026-03-08T07:00:00Z"})
    void windowStartingInASkippedHourOpensWhenTheClocksJump(Instant from, Instant expected) {
        CallingWindow early = new CallingWindow(LocalTime.of(2, 30), LocalTime.of(20, 0), EnumSet.allOf(DayOfWeek.class));
        assertThat(early.nextOpening(from, ZoneId.of("America/New_York"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2026-11-01T05:00:00Z, 2026-11-01T05:30:00Z"})
    void windowEndingInARepeatedHourClosesAtItsFirstOccurrence(Instant during, Instant expected) {
        CallingWindow late = new CallingWindow(LocalTime.of(0, 0), LocalTime.of(1, 30), EnumSet.allOf(DayOfWeek.class));
        assertThat(late.closesAt(during, ZoneId.of("America/New_York"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2026-03-07T15:00:00Z, 2026-03-09T00:00:00Z"})
    void skipsDaysThatAreNotCallingDays(Instant saturday, Instant mondayMorningSeoul) {
        CallingWindow weekdays = new CallingWindow(LocalTime.of(9, 0), LocalTime.of(20, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(weekdays.nextOpening(saturday, ZoneId.of("Asia/Seoul"))).isEqualTo(mondayMorningSeoul);
    }

    @Property(tries = 2000)
    void nextOpeningIsOpenAndNothingEarlierIs(
            @ForAll @LongRange(min = 1767225600L, max = 1798761600L) long epochSecond,
            @ForAll("zones") String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        Instant from = Instant.ofEpochSecond(epochSecond);
        Instant opening = NINE_TO_EIGHT.nextOpening(from, zone);
        assertThat(NINE_TO_EIGHT.allows(opening, zone)).isTrue();
        assertThat(opening).isAfterOrEqualTo(from);
        if (opening.isAfter(from)) {
            assertThat(NINE_TO_EIGHT.allows(opening.minus(Duration.ofSeconds(1)), zone)).isFalse();
            assertThat(Duration.between(from, opening)).isLessThanOrEqualTo(Duration.ofHours(14));
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> zones() {
        return net.jqwik.api.Arbitraries.of("America/New_York", "Europe/Berlin", "Asia/Seoul", "Australia/Lord_Howe",
                "America/Santiago", "Pacific/Chatham");
    }
}
