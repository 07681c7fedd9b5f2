package org.epicall.survey.questionnaire;

import java.util.Objects;

/**
 * A question asked right after its parent, only when {@code when} holds for the answers so far
 * (e.g. ask {@code travel_country} when {@code travel} is yes).
 *
 * @param questionId the follow-up question
 * @param when       the condition; in YAML a comparison without {@code question} refers to the parent
 */
public record FollowUp(String questionId, Condition when) {

    public FollowUp {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(when, "when");
    }
}
