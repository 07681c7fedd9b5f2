package org.epicall.survey.call;

import java.time.Instant;
import java.util.List;

/**
 * The answers collected on one answered call: exactly one per answered attempt, complete or not.
 *
 * @param attemptId       the attempt that carried the call
 * @param campaignId      campaign of the attempt
 * @param contactRef      pseudonymous contact reference
 * @param questionnaireId questionnaire that was run
 * @param language        language the call was held in
 * @param status          complete, partial or declined
 * @param stoppedAt       id of the question being asked when a partial call ended, else {@code null}
 * @param startedAt       when the survey script started (call answered)
 * @param endedAt         when it ended
 * @param answers         the questions asked, in order
 * @param triageFlags     ids of the questionnaire's triage rules that fired
 */
public record SurveyResponse(
        String attemptId,
        String campaignId,
        String contactRef,
        String questionnaireId,
        String language,
        SurveyStatus status,
        String stoppedAt,
        Instant startedAt,
        Instant endedAt,
        List<AnsweredQuestion> answers,
        List<String> triageFlags) {

    public SurveyResponse {
        answers = List.copyOf(answers);
        triageFlags = List.copyOf(triageFlags);
    }
}
