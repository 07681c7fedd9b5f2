package org.epicall.campaign.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.EnumSet;
import java.util.Set;

/**
 * The hours in which residents may be called, in each resident's own time zone. All answers are
 * computed through the zone's rules, so they stay right across daylight-saving changes: a window
 * opening in a skipped hour opens when the clocks jump, and one closing in a repeated hour closes at
 * its first occurrence. Immutable and thread-safe.
 *
 * @param start first local time at which calls may be placed
 * @param end   local time at which the window closes (exclusive); after {@code start}
 * @param days  local days of the week on which calls may be placed
 */
public record CallingWindow(LocalTime start, LocalTime end, Set<DayOfWeek> days) {

    public CallingWindow {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("calling window start " + start + " must be before its end " + end);
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("calling window needs at least one day");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** Whether a call may be placed at {@code instant} to someone living in {@code zone}. */
    public boolean allows(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
    }

    /** The first instant at or after {@code from} at which the window is open in {@code zone}. */
    public Instant nextOpening(Instant from, ZoneId zone) {
        if (allows(from, zone)) {
            return from;
        }
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i <= 7; i++) {
            LocalDate candidate = day.plusDays(i);
            if (days.contains(candidate.getDayOfWeek())) {
                Instant opening = at(candidate, start, zone);
                if (opening.isAfter(from)) {
                    return opening;
                }
            }
        }
        throw new IllegalStateException("no opening within a week of " + from + " in " + zone);
    }

    /** When the window that is open at {@code instant} in {@code zone} closes. */
    public Instant closesAt(Instant instant, ZoneId zone) {
        return at(instant.atZone(zone).toLocalDate(), end, zone);
    }

    /** The first instant of the next local day in {@code zone}. */
    static Instant startOfNextDay(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(date, time);
        ZoneRules rules = zone.getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant();
        }
        return local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
    }
}
