package org.epicall.survey.triage;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.epicall.survey.language.ConfirmationWords;
import org.epicall.survey.language.LanguagePack;
import org.epicall.survey.questionnaire.ChoiceOption;
import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.Questionnaire;

/**
 * Which voice answers are read back for confirmation before they are accepted, and how: an answer
 * that would raise a triage flag the answers so far do not (a fever, contact with a confirmed case, a
 * temperature of 37.5 °C or more, a cough after travel) sends a resident to a follow-up call, so a
 * misheard one costs officials a call and the resident a scare. A keypad answer is exact and needs
 * none. The prompt is named {@code <question>-confirm-<value>} ({@link #promptName}) and its text
 * comes from the language pack ({@link #text}). Stateless and thread-safe.
 */
public final class Confirmation {

    private Confirmation() {
    }

    /**
     * A read-back prompt to render for the call's sounds.
     *
     * @param name {@code <question>-confirm-<value>}, as the dialer plays it
     * @param text what it says
     */
    public record Prompt(String name, String text) {
    }

    /**
     * Every read-back prompt a call in {@code language} may play: each value of each question a triage
     * rule looks at (yes and no; each option, and each set of options of a multiple choice; each number
     * of the plausible range at its precision). More than will be played, since whether a value raises a
     * flag depends on the other answers; a prompt too many costs a rendering, one too few a silent call.
     */
    public static List<Prompt> prompts(Questionnaire questionnaire, LanguagePack pack) {
        Set<String> looked = new java.util.LinkedHashSet<>();
        questionnaire.triageRules().forEach(rule -> collect(rule.when(), looked));
        List<Prompt> prompts = new java.util.ArrayList<>();
        for (Question question : questionnaire.questions()) {
            if (!looked.contains(question.id())) {
                continue;
            }
            for (Object value : values(question)) {
                text(question, value, pack).ifPresent(text -> prompts.add(new Prompt(promptName(question.id(), value), text)));
            }
        }
        return List.copyOf(prompts);
    }

    private static void collect(org.epicall.survey.questionnaire.Condition condition, Set<String> into) {
        switch (condition) {
            case org.epicall.survey.questionnaire.Condition.All all -> all.parts().forEach(part -> collect(part, into));
            case org.epicall.survey.questionnaire.Condition.Any any -> any.parts().forEach(part -> collect(part, into));
            case org.epicall.survey.questionnaire.Condition.Not not -> collect(not.part(), into);
            case org.epicall.survey.questionnaire.Condition.Comparison comparison -> into.add(comparison.questionId());
        }
    }

    private static List<Object> values(Question question) {
        List<Object> values = new java.util.ArrayList<>();
        switch (question.type()) {
            case YES_NO -> values.addAll(List.of(true, false));
            case CHOICE -> {
                List<String> ids = question.choiceSpec().options().stream().map(ChoiceOption::id).toList();
                int sets = question.choiceSpec().multiple() && ids.size() <= 10 ? 1 << ids.size() : 0;
                for (int mask = 1; mask < sets; mask++) {
                    int m = mask;
                    values.add(java.util.stream.IntStream.range(0, ids.size()).filter(i -> (m & (1 << i)) != 0).mapToObj(ids::get).toList());
                }
                if (sets == 0) {
                    ids.forEach(id -> values.add(List.of(id)));
                }
            }
            case NUMBER -> {
                BigDecimal step = BigDecimal.ONE.movePointLeft(question.numberSpec().decimals());
                for (BigDecimal v = question.numberSpec().min(); v.compareTo(question.numberSpec().max()) <= 0
                        && values.size() < 2_000; v = v.add(step)) {
                    values.add(v);
                }
            }
            default -> {
                // days and dates are not read back: no shipped rule looks at them
            }
        }
        return values;
    }

    /** Whether {@code value}, given to {@code questionId} after {@code answersSoFar}, fires a triage rule they do not. */
    public static boolean needed(Questionnaire questionnaire, String questionId, Object value, Map<String, ?> answersSoFar) {
        Set<String> before = new HashSet<>(TriageEvaluator.flags(questionnaire, answersSoFar));
        Map<String, Object> with = new HashMap<>(answersSoFar);
        with.put(questionId, value);
        return !before.containsAll(TriageEvaluator.flags(questionnaire, with));
    }

    /** The value as a prompt name says it: {@code yes}, {@code 37.5}, {@code china}, {@code cough+sore_throat}. */
    public static String valueKey(Object value) {
        return switch (value) {
            case Boolean b -> b ? "yes" : "no";
            case BigDecimal number -> number.stripTrailingZeros().toPlainString();
            case List<?> options -> options.stream().map(String::valueOf).collect(Collectors.joining("+"));
            default -> String.valueOf(value);
        };
    }

    /** The confirmation prompt's name: {@code temperature-confirm-37.5}. */
    public static String promptName(String questionId, Object value) {
        return questionId + "-confirm-" + valueKey(value);
    }

    /**
     * What the confirmation prompt says in {@code pack}'s language, or empty when the pack has no
     * confirmation wording.
     */
    public static Optional<String> text(Question question, Object value, LanguagePack pack) {
        ConfirmationWords words = pack.confirmation();
        if (words == null) {
            return Optional.empty();
        }
        String said = switch (value) {
            case Boolean b -> b ? words.yes() : words.no();
            case BigDecimal number -> number.stripTrailingZeros().toPlainString()
                    + words.units().getOrDefault(question.numberSpec().unit(), " " + question.numberSpec().unit());
            case List<?> options -> question.choiceSpec().options().stream().filter(option -> options.contains(option.id()))
                    .map(ChoiceOption::label).map(label -> label.in(pack.language())).collect(Collectors.joining(", "));
            default -> String.valueOf(value);
        };
        return Optional.of(words.prompt(said));
    }
}
