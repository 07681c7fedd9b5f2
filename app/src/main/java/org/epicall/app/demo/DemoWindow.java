package org.epicall.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The demo's calling window: open now in the residents' zone, so the demo can call at any hour, and
 * closing a set time later so the window is real and checked. A window never crosses local midnight
 * (the campaign's windows are within one day), so near midnight it is cut short; {@link #shortened}
 * says so.
 *
 * @param zone      the residents' zone
 * @param start     first local time calls may be placed
 * @param end       local time calls must stop (exclusive)
 * @param shortened true when midnight cut the window shorter than asked
 */
public record DemoWindow(ZoneId zone, LocalTime start, LocalTime end, boolean shortened) {

    /** Time before now at which the window opens, so calls placed at once are well inside it. */
    static final Duration LEAD = Duration.ofMinutes(1);
    private static final LocalTime LAST_MINUTE = LocalTime.of(23, 59);

    public DemoWindow {
        Objects.requireNonNull(zone, "zone");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("window start " + start + " must be before its end " + end);
        }
    }

    /** A window open from just before {@code now} for {@code length}, in {@code zone}. */
    public static DemoWindow around(Instant now, ZoneId zone, Duration length) {
        LocalTime local = now.atZone(zone).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        LocalTime start = local.isBefore(LocalTime.MIDNIGHT.plus(LEAD)) ? LocalTime.MIDNIGHT : local.minus(LEAD);
        long minutesLeft = Duration.between(local, LAST_MINUTE).toMinutes();
        boolean shortened = length.toMinutes() > minutesLeft;
        LocalTime end = shortened ? LAST_MINUTE : local.plus(length);
        if (!start.isBefore(end)) {
            end = LAST_MINUTE.plusSeconds(59);
        }
        return new DemoWindow(zone, start, end, shortened);
    }

    /** As the campaign's settings take it, e.g. {@code 09:14}. */
    String startSetting() {
        return start.toString();
    }

    String endSetting() {
        return end.toString();
    }

    @Override
    public String toString() {
        return start + "–" + end + " " + zone;
    }
}
