package org.epicall.campaign.contact;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A contact the scheduler may call now, with what it needs to decide and to build the dial request.
 *
 * @param id            row id
 * @param contactRef    pseudonymous reference
 * @param phoneE164     number to dial
 * @param zone          resident's zone
 * @param language      call language
 * @param attempts      attempts made so far
 * @param attemptsToday attempts made on {@code attemptsDay}
 * @param attemptsDay   local day the daily count refers to, or {@code null}
 */
public record DueContact(long id, String contactRef, String phoneE164, ZoneId zone, String language, int attempts,
                         int attemptsToday, LocalDate attemptsDay) {

    /** Attempts already made on the given local day. */
    public int attemptsOn(LocalDate day) {
        return day.equals(attemptsDay) ? attemptsToday : 0;
    }
}
