package org.epicall.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.epicall.survey.call.SurveyResponse;
import org.epicall.survey.call.SurveyStatus;

/**
 * One finished survey, complete, partial or declined, as published on
 * {@value Topics#SURVEY_RESULTS} (schema: {@code docs/schemas/survey-result.schema.json}).
 *
 * <p>{@code attemptId} is the event id: a result may be delivered twice after a crash of the
 * publishing process, never with a different content, so consumers de-duplicate on it.
 *
 * @param schemaVersion   {@value #SCHEMA_VERSION}; raised only for incompatible changes
 * @param attemptId       the attempt that carried the call; the event id
 * @param campaignId      campaign of the attempt
 * @param contactRef      pseudonymous contact reference
 * @param phoneNumber     E.164 number, present only when the campaign discloses numbers; else absent
 * @param questionnaireId questionnaire that was run
 * @param language        language the call was held in
 * @param status          complete, partial or declined
 * @param stoppedAt       question being asked when a partial call ended; absent otherwise
 * @param startedAt       when the survey started (call answered)
 * @param endedAt         when it ended
 * @param durationMillis  {@code endedAt - startedAt} in milliseconds
 * @param answers         the questions asked, in order
 * @param triageFlags     ids of the triage rules that fired
 * @param flagged         true if any triage rule fired: the resident needs a follow-up call
 */
public record SurveyResultEvent(
        int schemaVersion,
        String attemptId,
        String campaignId,
        String contactRef,
        @JsonInclude(JsonInclude.Include.NON_NULL) String phoneNumber,
        String questionnaireId,
        String language,
        SurveyStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String stoppedAt,
        Instant startedAt,
        Instant endedAt,
        long durationMillis,
        List<ResultAnswer> answers,
        List<String> triageFlags,
        boolean flagged) {

    public static final int SCHEMA_VERSION = 1;

    public SurveyResultEvent {
        answers = List.copyOf(answers);
        triageFlags = List.copyOf(triageFlags);
    }

    public static SurveyResultEvent of(SurveyResponse response, Optional<String> disclosedPhoneNumber) {
        return new SurveyResultEvent(SCHEMA_VERSION, response.attemptId(), response.campaignId(),
                response.contactRef(), disclosedPhoneNumber.orElse(null), response.questionnaireId(),
                response.language(), response.status(), response.stoppedAt(), response.startedAt(),
                response.endedAt(), Duration.between(response.startedAt(), response.endedAt()).toMillis(),
                response.answers().stream().map(ResultAnswer::of).toList(), response.triageFlags(),
                !response.triageFlags().isEmpty());
    }
}
