package org.epicall.survey.questionnaire;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kind of answer a question expects, and so the Java type of the recorded value (see
 * {@link org.epicall.survey.call.AnsweredQuestion#value()}).
 */
public enum QuestionType {
    /** Yes or no; value {@code Boolean}. */
    YES_NO("yes_no"),
    /** A number with a unit and a plausible range ({@link NumberSpec}); value {@code java.math.BigDecimal}. */
    NUMBER("number"),
    /** One or several options with synonyms ({@link ChoiceSpec}); value {@code List<String>} of option ids. */
    CHOICE("choice"),
    /** How many days ago something happened, within a range ({@link NumberSpec}); value {@code Integer}. */
    DAYS_AGO("days_ago"),
    /** A calendar date, not in the future; value ISO-8601 {@code String} ({@code 2026-11-21}). */
    DATE("date"),
    /** Whatever was said, e.g. places visited; value {@code String}. Asked by voice only. */
    FREE_TEXT("free_text");

    private final String yamlName;

    QuestionType(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The name used for this type in questionnaire YAML, e.g. {@code yes_no}. */
    public String yamlName() {
        return yamlName;
    }

    /** The type named {@code name} in YAML, if there is one. */
    public static Optional<QuestionType> fromYamlName(String name) {
        return Arrays.stream(values()).filter(type -> type.yamlName.equals(name)).findFirst();
    }
}
