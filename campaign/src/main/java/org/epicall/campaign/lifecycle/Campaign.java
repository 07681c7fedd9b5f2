package org.epicall.campaign.lifecycle;

import java.time.Instant;

/**
 * A campaign as stored.
 *
 * @param id              opaque id, e.g. {@code cmp-1a2b3c4d5e6f}
 * @param name            human name given by the official
 * @param state           lifecycle state
 * @param questionnaireId id of the questionnaire the calls run
 * @param defaultRegion   region used to read roster numbers without country code
 * @param defaultLanguage language used for roster rows that name none
 * @param importStatus    state of the roster import
 * @param importDetail    why the import failed, or {@code null}
 * @param createdAt       creation time
 * @param updatedAt       last change of state
 */
public record Campaign(
        String id,
        String name,
        CampaignState state,
        String questionnaireId,
        String defaultRegion,
        String defaultLanguage,
        ImportStatus importStatus,
        String importDetail,
        Instant createdAt,
        Instant updatedAt) {
}
