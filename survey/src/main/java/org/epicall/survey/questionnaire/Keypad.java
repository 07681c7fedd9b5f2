package org.epicall.survey.questionnaire;

import java.util.Map;
import java.util.Objects;

/**
 * The keypad fallback of a question.
 *
 * <p>{@code keys} maps a single key ({@code "0"}–{@code "9"}) to an answer: {@code yes}/{@code no}
 * for a yes/no question, an option id for a choice. It is empty for number, days-ago and date
 * questions, whose answers are typed as digits ({@code *} as decimal point, {@code #} to finish).
 * The loader fills in the defaults: 1 = yes and 2 = no; option {@code n} on key {@code n}.
 *
 * @param prompt what is read out before the keypad is used, per language
 * @param keys   key to answer, as above; never {@code null}
 */
public record Keypad(LocalizedText prompt, Map<String, String> keys) {

    public Keypad {
        Objects.requireNonNull(prompt, "prompt");
        keys = Map.copyOf(keys);
    }
}
