package org.epicall.campaign.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.epicall.campaign.contact.SurveyResults;

/**
 * A flagged resident, as the caller's role may see them.
 *
 * @param contactRef   pseudonymous reference, the {@code contactRef} of the resident's result events
 * @param name         name from the roster; officials only, absent if the roster had none
 * @param phone        E.164 number to call back; officials only
 * @param language     language of the calls
 * @param triageFlags  ids of the triage rules that fired
 * @param surveyedAt   when the survey ended
 * @param followedUpAt when an official recorded the call back; absent while it is awaited
 */
@Schema(description = "A flagged resident. OFFICIAL gets name and phone; ANALYST gets neither,"
        + " only contactRef, the reference the result events on epicall.survey-results carry.")
record FlaggedResidentView(
        @Schema(description = "pseudonymous reference; equals contactRef on the resident's result events")
        String contactRef,
        @Schema(description = "OFFICIAL only", nullable = true) @JsonInclude(JsonInclude.Include.NON_NULL)
        String name,
        @Schema(description = "E.164 number; OFFICIAL only", nullable = true) @JsonInclude(JsonInclude.Include.NON_NULL)
        String phone,
        String language,
        List<String> triageFlags,
        Instant surveyedAt,
        @Schema(nullable = true) @JsonInclude(JsonInclude.Include.NON_NULL)
        Instant followedUpAt) {

    static FlaggedResidentView of(SurveyResults.FlaggedResident resident, Viewer viewer) {
        boolean full = viewer.seesResidents();
        return new FlaggedResidentView(resident.contactRef(), full ? resident.name() : null,
                full ? resident.phone() : null, resident.language(), resident.triageFlags(), resident.surveyedAt(),
                resident.followedUpAt());
    }
}
