package org.epicall.campaign.roster;

import java.time.ZoneId;

/**
 * A roster row that passed validation, ready to be stored as a contact.
 *
 * @param campaignId campaign it belongs to
 * @param contactRef pseudonymous reference used on every topic instead of the number
 * @param lineNumber roster line it came from
 * @param phoneE164  number in E.164
 * @param name       name as written, or {@code null}
 * @param zone       zone whose local time decides the calling window
 * @param language   language pack id for the call
 */
public record ImportedContact(
        String campaignId,
        String contactRef,
        int lineNumber,
        String phoneE164,
        String name,
        ZoneId zone,
        String language) {

    /** The reference a contact on a given roster line gets; stable across import restarts. */
    public static String referenceFor(String campaignId, int lineNumber) {
        return campaignId + "-L" + lineNumber;
    }
}
