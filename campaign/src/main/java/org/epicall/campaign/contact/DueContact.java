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
 * @param attempts      attempts made so far (the next one is number {@code attempts + 1})
 * @param givenBack     of those, attempts the resident had no part in, which do not count towards the
 *                      campaign's attempts per resident
 * @param attemptsToday attempts made on {@code attemptsDay}
 * @param attemptsDay   local day the daily count refers to, or {@code null}
 */
public record DueContact(long id, String contactRef, String phoneE164, ZoneId zone, String language, int attempts,
                         int givenBack, int attemptsToday, LocalDate attemptsDay) {

    /** Attempts that count towards the campaign's attempts per resident. */
    public int counted() {
        return attempts - givenBack;
    }

    /** Attempts already made on the given local day. */
    public int attemptsOn(LocalDate day) {
        return day.equals(attemptsDay) ? attemptsToday : 0;
    }
}
