package org.epicall.survey.questionnaire;

import java.util.Objects;

/**
 * A rule that flags a resident for follow-up by health staff when its condition holds.
 *
 * @param id          flag id reported in {@link org.epicall.survey.call.SurveyResponse#triageFlags()}
 * @param description what the flag means to an official; may be empty
 * @param when        the condition on the answers
 */
public record TriageRule(String id, String description, Condition when) {

    public TriageRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(when, "when");
    }
}
