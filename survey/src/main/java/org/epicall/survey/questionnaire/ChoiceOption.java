package org.epicall.survey.questionnaire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One option of a {@link QuestionType#CHOICE} question.
 *
 * @param id        option id recorded as the value, e.g. {@code cough}
 * @param label     how the option is read out, per language
 * @param synonyms  further words a resident may say for it, per language (the language pack adds
 *                  its own synonyms for the same option id)
 * @param exclusive whether the option excludes all others, e.g. {@code none} in a symptom list
 */
public record ChoiceOption(String id, LocalizedText label, Map<String, List<String>> synonyms, boolean exclusive) {

    public ChoiceOption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Map<String, List<String>> copy = new java.util.HashMap<>();
        synonyms.forEach((language, words) -> copy.put(language, List.copyOf(words)));
        synonyms = Map.copyOf(copy);
    }

    /** The label and the questionnaire's synonyms in {@code language}, label first. */
    public List<String> phrases(String language) {
        List<String> phrases = new ArrayList<>();
        if (label.has(language)) {
            phrases.add(label.in(language));
        }
        phrases.addAll(synonyms.getOrDefault(language, List.of()));
        return List.copyOf(phrases);
    }
}
