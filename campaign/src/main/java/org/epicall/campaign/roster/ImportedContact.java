package org.epicall.campaign.roster;

import java.time.ZoneId;

/**
 * A roster row that passed validation, ready to be stored as a contact.
 *
 * @param campaignId campaign it belongs to
 * @param contactRef pseudonymous reference used on every topic instead of the number ({@link ContactReferences})
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
}
