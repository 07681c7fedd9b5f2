package org.epicall.survey.answer;

import java.util.Objects;
import java.util.Optional;

/**
 * What an answer was understood to mean.
 *
 * @param value      the typed value as in {@link org.epicall.survey.call.AnsweredQuestion#value()}
 *                   ({@code Boolean}, {@code BigDecimal}, {@code List<String>} of option ids,
 *                   {@code Integer} days, ISO date {@code String}, free-text {@code String}), or
 *                   {@code null} when nothing usable was understood ("no match")
 * @param confidence 0..1; 0 for no match; 1 for a valid keypad answer
 * @param note       why there was no match, or how the value was reached when that matters (e.g.
 *                   "converted from 99.5 °F"); empty when there is nothing to say
 * @param doesNotKnow the resident said they do not know (모르겠어요, 글쎄요, I'm not sure): no value,
 *                   and not a misunderstanding either, so asking on the keypad would not help
 */
public record Interpretation(Object value, double confidence, String note, boolean doesNotKnow) {

    public Interpretation {
        Objects.requireNonNull(note, "note");
        if (doesNotKnow && value != null) {
            throw new IllegalArgumentException("an answer of not knowing has no value");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in 0..1, was " + confidence);
        }
        if (value == null && confidence != 0) {
            throw new IllegalArgumentException("a no-match has confidence 0");
        }
    }

    /** A value understood with {@code confidence}. */
    public static Interpretation of(Object value, double confidence) {
        return of(value, confidence, "");
    }

    /** A value understood with {@code confidence}, and how it was reached. */
    public static Interpretation of(Object value, double confidence, String note) {
        return new Interpretation(Objects.requireNonNull(value, "value"), confidence, note, false);
    }

    /** Nothing usable understood, and why (shown in logs and the transcribe CLI). */
    public static Interpretation noMatch(String reason) {
        return new Interpretation(null, 0, reason, false);
    }

    /** The resident said they do not know, and how that was heard. */
    public static Interpretation doesNotKnow(String how) {
        return new Interpretation(null, 0, how, true);
    }

    /** Whether a value was understood. */
    public boolean matched() {
        return value != null;
    }

    /** The value, if one was understood. */
    public Optional<Object> valueIfMatched() {
        return Optional.ofNullable(value);
    }
}
