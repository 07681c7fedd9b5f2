package org.epicall.survey.questionnaire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which question a call asks next, from the answers given so far.
 *
 * <p>Order: the questions that are nobody's follow-up, in file order; each is followed directly by
 * its follow-ups (depth first, in the order listed), which are asked only when their condition
 * holds for the answers so far. When the consent question was answered anything but yes, nothing
 * more is asked.
 *
 * <p>{@code answersSoFar} maps question id to the typed value (see
 * {@link org.epicall.survey.call.AnsweredQuestion#value()}). A key that is present counts as asked,
 * even with a {@code null} value (asked but unanswered); such a question is not asked again and its
 * follow-ups are skipped. Use a map that permits {@code null} values (e.g. {@code HashMap}) for that.
 *
 * <p>Immutable and thread-safe.
 */
public final class QuestionSequence {

    /**
     * A question in asking order.
     *
     * @param question the question
     * @param parent   the question it follows up, or {@code null} for a question that is nobody's follow-up
     * @param when     the condition on which it is asked, or {@code null} with {@code parent}
     */
    public record Step(Question question, Question parent, Condition when) {
    }

    private final Questionnaire questionnaire;
    private final List<Step> steps;
    private final Map<String, Step> stepsById;

    QuestionSequence(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
        Map<String, Question> byId = questionnaire.questionsById();
        Map<String, Question> parentOf = new HashMap<>();
        for (Question question : questionnaire.questions()) {
            for (FollowUp followUp : question.followUps()) {
                parentOf.put(followUp.questionId(), question);
            }
        }
        List<Step> ordered = new ArrayList<>();
        for (Question question : questionnaire.questions()) {
            if (!parentOf.containsKey(question.id())) {
                addWithFollowUps(new Step(question, null, null), byId, ordered);
            }
        }
        this.steps = List.copyOf(ordered);
        Map<String, Step> index = new HashMap<>();
        steps.forEach(step -> index.put(step.question().id(), step));
        this.stepsById = Map.copyOf(index);
    }

    private static void addWithFollowUps(Step step, Map<String, Question> byId, List<Step> ordered) {
        ordered.add(step);
        for (FollowUp followUp : step.question().followUps()) {
            addWithFollowUps(new Step(byId.get(followUp.questionId()), step.question(), followUp.when()), byId, ordered);
        }
    }

    /**
     * The next question to ask, or empty when the call is over (all applicable questions asked,
     * or consent not given).
     *
     * @param answersSoFar answers by question id, as described in the class comment; not modified
     */
    public Optional<Question> next(Map<String, ?> answersSoFar) {
        if (consentWithheld(answersSoFar)) {
            return Optional.empty();
        }
        return steps.stream()
                .filter(step -> !answersSoFar.containsKey(step.question().id()))
                .filter(step -> applies(step, answersSoFar))
                .map(Step::question)
                .findFirst();
    }

    /** Whether the consent question was answered "no" (the call ends as declined). */
    public boolean declined(Map<String, ?> answersSoFar) {
        return questionnaire.consentQuestionId() != null
                && Boolean.FALSE.equals(answersSoFar.get(questionnaire.consentQuestionId()));
    }

    /** Whether {@code questionId} would be asked given the answers so far (its follow-up conditions hold). */
    public boolean applies(String questionId, Map<String, ?> answersSoFar) {
        Step step = stepsById.get(questionId);
        return step != null && applies(step, answersSoFar);
    }

    /** Every question in asking order, as if every follow-up applied, with its parent and condition. */
    public List<Step> steps() {
        return steps;
    }

    /** Every question in asking order, as if every follow-up applied. */
    public List<Question> order() {
        return steps.stream().map(Step::question).toList();
    }

    private boolean consentWithheld(Map<String, ?> answersSoFar) {
        String consentId = questionnaire.consentQuestionId();
        return consentId != null
                && answersSoFar.containsKey(consentId)
                && !Boolean.TRUE.equals(answersSoFar.get(consentId));
    }

    private boolean applies(Step step, Map<String, ?> answersSoFar) {
        if (step.parent() == null) {
            return true;
        }
        Step parentStep = stepsById.get(step.parent().id());
        return answersSoFar.get(step.parent().id()) != null
                && applies(parentStep, answersSoFar)
                && step.when().test(answersSoFar);
    }
}
