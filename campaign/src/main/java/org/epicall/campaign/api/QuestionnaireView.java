package org.epicall.campaign.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.epicall.survey.prompt.PromptIds;
import org.epicall.survey.questionnaire.ChoiceOption;
import org.epicall.survey.questionnaire.Condition;
import org.epicall.survey.questionnaire.LocalizedText;
import org.epicall.survey.questionnaire.Messages;
import org.epicall.survey.questionnaire.NumberSpec;
import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.QuestionSequence;
import org.epicall.survey.questionnaire.Questionnaire;

/**
 * A questionnaire as an official reads it before it calls anyone: the questions in the order a call
 * asks them, each follow-up with the condition on which it is asked, the triage rules, and every text
 * a resident hears, per language, with the name of its prompt file.
 *
 * @param id        questionnaire id
 * @param version   version label
 * @param languages languages every text is given in
 * @param messages  what is said around the questions
 * @param questions questions in asking order
 * @param triage    rules that flag a resident for a call back
 * @param readBacks the read-back of each answer that may raise a flag, said before the resident confirms it
 */
@Schema(description = "A questionnaire: questions in asking order with follow-up conditions, triage rules, and every"
        + " prompt per language. Conditions are {question, op, value} with op one of equals, gte, gt, lte, lt,"
        + " includes, answered; or {all: [...]}, {any: [...]}, {not: {...}}.")
record QuestionnaireView(String id, String version, List<String> languages, List<Prompt> messages,
                         List<QuestionItem> questions, List<Triage> triage, List<Prompt> readBacks) {

    /**
     * One thing a resident hears.
     *
     * @param promptId name of the prompt's sound file for a language, or {@code null} when the call has none of its own
     * @param kind     intro, thanks, declined, sorry, keypad-intro, question, reask, keypad or confirm
     * @param text     what is said, per language
     */
    record Prompt(@Schema(nullable = true) String promptId, String kind, Map<String, String> text) {
    }

    /**
     * One question.
     *
     * @param id                  question id
     * @param type                yes_no, number, choice, days_ago, date or free_text
     * @param depth               0 for a question that is nobody's follow-up, 1 for its follow-ups, and so on
     * @param followsUp           the question this one follows up, or {@code null}
     * @param askedWhen           the condition on which it is asked, or {@code null}
     * @param consent             whether a "no" here ends the call as declined
     * @param prompts             the question, its re-ask and its keypad prompt
     * @param keys                keypad key to answer, for yes/no and choice questions
     * @param number              unit and range, for number and days_ago questions
     * @param options             the options, for choice questions
     * @param multiple            whether several options may be chosen
     * @param confidenceThreshold the confidence from which a spoken answer is accepted
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QuestionItem(String id, String type, int depth, String followsUp, Object askedWhen, boolean consent,
                        List<Prompt> prompts, Map<String, String> keys, NumberRange number, List<Option> options,
                        Boolean multiple, double confidenceThreshold) {
    }

    /** Unit and plausible range of a numeric answer. */
    record NumberRange(String unit, BigDecimal min, BigDecimal max, int decimals, boolean acceptFahrenheit) {
    }

    /** One option of a choice question. */
    record Option(String id, Map<String, String> label, boolean exclusive) {
    }

    /** One triage rule. */
    record Triage(String id, String description, Object when) {
    }

    static QuestionnaireView of(Questionnaire questionnaire) {
        Messages m = questionnaire.messages();
        List<Prompt> messages = List.of(
                new Prompt(PromptIds.INTRO, "intro", texts(m.intro())),
                new Prompt(PromptIds.SORRY, "sorry", texts(m.notUnderstood())),
                new Prompt(null, "keypad-intro", texts(m.keypadIntro())),
                new Prompt(PromptIds.THANKS, "thanks", texts(m.thankYou())),
                new Prompt(PromptIds.DECLINED, "declined", texts(m.declined())));
        Map<String, Integer> depths = new HashMap<>();
        List<QuestionItem> questions = new ArrayList<>();
        for (QuestionSequence.Step step : questionnaire.sequence().steps()) {
            Question q = step.question();
            int depth = step.parent() == null ? 0 : depths.get(step.parent().id()) + 1;
            depths.put(q.id(), depth);
            questions.add(item(questionnaire, q, depth, step));
        }
        List<Triage> triage = questionnaire.triageRules().stream()
                .map(rule -> new Triage(rule.id(), rule.description(), condition(rule.when())))
                .toList();
        List<Prompt> readBacks = PromptIds.readBacks(questionnaire).entrySet().stream()
                .map(prompt -> new Prompt(prompt.getKey(), "confirm", prompt.getValue())).toList();
        return new QuestionnaireView(questionnaire.id(), questionnaire.version(), questionnaire.languages(), messages,
                questions, triage, readBacks);
    }

    private static QuestionItem item(Questionnaire questionnaire, Question q, int depth, QuestionSequence.Step step) {
        List<Prompt> prompts = new ArrayList<>();
        prompts.add(new Prompt(PromptIds.question(q.id()), "question", texts(q.prompt())));
        prompts.add(new Prompt(PromptIds.reask(q.id()), "reask", texts(q.reprompt())));
        Map<String, String> keys = null;
        if (q.keypad() != null) {
            prompts.add(new Prompt(PromptIds.keypad(q.id()), "keypad", texts(q.keypad().prompt())));
            keys = q.keypad().keys().isEmpty() ? null : new TreeMap<>(q.keypad().keys());
        }
        NumberSpec n = q.numberSpec();
        NumberRange number = n == null ? null
                : new NumberRange(n.unit(), n.min(), n.max(), n.decimals(), n.acceptFahrenheit());
        List<Option> options = q.choiceSpec() == null ? null : q.choiceSpec().options().stream()
                .map(QuestionnaireView::option).toList();
        return new QuestionItem(q.id(), q.type().name().toLowerCase(), depth,
                step.parent() == null ? null : step.parent().id(),
                step.when() == null ? null : condition(step.when()),
                q.id().equals(questionnaire.consentQuestionId()), prompts, keys, number, options,
                q.choiceSpec() == null ? null : q.choiceSpec().multiple(), q.confidenceThreshold());
    }

    private static Option option(ChoiceOption option) {
        return new Option(option.id(), texts(option.label()), option.exclusive());
    }

    /** A condition as JSON: {question, op, value}, {all: [...]}, {any: [...]} or {not: {...}}. */
    static Object condition(Condition condition) {
        return switch (condition) {
            case Condition.All all -> Map.of("all", all.parts().stream().map(QuestionnaireView::condition).toList());
            case Condition.Any any -> Map.of("any", any.parts().stream().map(QuestionnaireView::condition).toList());
            case Condition.Not not -> Map.of("not", condition(not.part()));
            case Condition.Comparison c -> {
                Map<String, Object> comparison = new LinkedHashMap<>();
                comparison.put("question", c.questionId());
                comparison.put("op", c.operator().yamlName());
                comparison.put("value", c.operand());
                yield comparison;
            }
        };
    }

    private static Map<String, String> texts(LocalizedText text) {
        return new TreeMap<>(text.byLanguage());
    }
}
