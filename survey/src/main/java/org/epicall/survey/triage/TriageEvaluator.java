package org.epicall.survey.triage;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.TriageRule;

/**
 * Evaluates a questionnaire's triage rules against a resident's answers. Stateless and thread-safe.
 */
public final class TriageEvaluator {

    private TriageEvaluator() {
    }

    /**
     * The ids of the rules that fired, in the questionnaire's order.
     *
     * @param answers typed values by question id (see
     *                {@link org.epicall.survey.call.AnsweredQuestion#value()}); questions not
     *                asked or unanswered may be absent or {@code null}; comparisons on them are false
     */
    public static List<String> flags(Questionnaire questionnaire, Map<String, ?> answers) {
        Objects.requireNonNull(questionnaire, "questionnaire");
        Objects.requireNonNull(answers, "answers");
        return questionnaire.triageRules().stream()
                .filter(rule -> rule.when().test(answers))
                .map(TriageRule::id)
                .toList();
    }
}
