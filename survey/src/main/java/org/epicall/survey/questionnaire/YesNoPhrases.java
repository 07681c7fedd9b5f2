package org.epicall.survey.questionnaire;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrases that mean yes or no for one question only, per language, added to the language pack's
 * general yes/no words: 열이 나요 answers "do you have a fever?" but would be nonsense, and a
 * recogniser trap, in every other question's grammar.
 *
 * @param yes phrases meaning yes, by language
 * @param no  phrases meaning no, by language
 */
public record YesNoPhrases(Map<String, List<String>> yes, Map<String, List<String>> no) {

    /** No question-specific phrases. */
    public static final YesNoPhrases NONE = new YesNoPhrases(Map.of(), Map.of());

    public YesNoPhrases {
        yes = copy(yes);
        no = copy(no);
    }

    /** The yes-phrases in {@code language}; empty when there are none. */
    public List<String> yes(String language) {
        return yes.getOrDefault(language, List.of());
    }

    /** The no-phrases in {@code language}; empty when there are none. */
    public List<String> no(String language) {
        return no.getOrDefault(language, List.of());
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> phrases) {
        Map<String, List<String>> copy = new HashMap<>();
        phrases.forEach((language, list) -> copy.put(language, List.copyOf(list)));
        return Map.copyOf(copy);
    }
}
