package org.epicall.campaign.questionnaire;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A questionnaire the service knows: shipped with it, or run by an earlier campaign.
 *
 * @param ref        how to choose it when creating a campaign ({@code questionnaireRef}), e.g.
 *                   {@code shipped:covid-checkin} or {@code campaign:cmp-1a2b3c4d5e6f}
 * @param id         the questionnaire's id
 * @param version    its version label
 * @param languages  the languages it is written in
 * @param questions  how many questions it has, follow-ups included
 * @param source     {@code shipped} or {@code campaign}
 * @param campaign   for a campaign's questionnaire, the name of the newest campaign that ran it
 * @param addedAt    for a campaign's questionnaire, when that campaign was created
 */
@Schema(description = "A questionnaire the service knows: shipped with it, or run by an earlier campaign")
public record KnownQuestionnaire(String ref, String id, String version, List<String> languages, int questions,
                                 String source, @Schema(nullable = true) String campaign,
                                 @Schema(nullable = true) Instant addedAt) {

    public KnownQuestionnaire {
        languages = List.copyOf(languages);
    }
}
