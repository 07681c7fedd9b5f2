package org.epicall.survey.questionnaire;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A text in several languages, keyed by language-pack id ({@code ko}, {@code en}).
 *
 * <p>Immutable. A loaded questionnaire guarantees a text for every language it declares.
 *
 * @param byLanguage text per language id; never {@code null}, no {@code null} values
 */
public record LocalizedText(Map<String, String> byLanguage) {

    public LocalizedText {
        byLanguage = Map.copyOf(byLanguage);
    }

    /** A text given for one language only (handy in tests). */
    public static LocalizedText of(String language, String text) {
        return new LocalizedText(Map.of(language, text));
    }

    /**
     * The text in {@code language}.
     *
     * @throws NoSuchElementException if there is none; cannot happen for a declared language of a
     *                                loaded questionnaire
     */
    public String in(String language) {
        String text = byLanguage.get(Objects.requireNonNull(language, "language"));
        if (text == null) {
            throw new NoSuchElementException("no text in language '" + language + "'; has " + byLanguage.keySet());
        }
        return text;
    }

    /** Whether there is a text in {@code language}. */
    public boolean has(String language) {
        return byLanguage.containsKey(language);
    }

    /** The languages this text is given in. */
    public Set<String> languages() {
        return byLanguage.keySet();
    }
}
