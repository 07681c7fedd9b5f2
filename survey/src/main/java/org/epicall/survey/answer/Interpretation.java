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
 * @param kind       whether a value was understood, and if not, what was heard instead
 */
public record Interpretation(Object value, double confidence, String note, Kind kind) {

    /** What an answer held, as far as the decision about asking again goes. */
    public enum Kind {
        /** a value was understood ({@link #value()} is set) */
        VALUE,
        /**
         * words that bear on the answer were heard but give no value: unclear, contradictory,
         * qualified, out of range, a question back. Asking again by voice may well get the answer.
         */
        NO_MATCH,
        /**
         * nothing that could answer: no recording, silence, unusable audio, or only noise and
         * fillers (음, 어, uh). Asking the same by voice is unlikely to do better than the keypad.
         */
        NOTHING_HEARD,
        /**
         * the resident said they do not know (모르겠어요, 글쎄요, I'm not sure): no value, and not a
         * misunderstanding either, so asking on the keypad would not help
         */
        DOES_NOT_KNOW
    }

    public Interpretation {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.VALUE) != (value != null)) {
            throw new IllegalArgumentException("a value is understood exactly when the kind is VALUE; kind " + kind + ", value " + value);
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
        return new Interpretation(Objects.requireNonNull(value, "value"), confidence, note, Kind.VALUE);
    }

    /** Words heard that give no usable value, and why (shown in logs and the transcribe CLI). */
    public static Interpretation noMatch(String reason) {
        return new Interpretation(null, 0, reason, Kind.NO_MATCH);
    }

    /** Nothing heard that could answer (silence, noise, fillers), and what there was instead. */
    public static Interpretation nothingHeard(String what) {
        return new Interpretation(null, 0, what, Kind.NOTHING_HEARD);
    }

    /** The resident said they do not know, and how that was heard. */
    public static Interpretation doesNotKnow(String how) {
        return new Interpretation(null, 0, how, Kind.DOES_NOT_KNOW);
    }

    /** Whether a value was understood. */
    public boolean matched() {
        return kind == Kind.VALUE;
    }

    /** Whether the resident said they do not know. */
    public boolean doesNotKnow() {
        return kind == Kind.DOES_NOT_KNOW;
    }

    /** Whether nothing that could answer was heard (silence, noise, fillers only). */
    public boolean nothingHeard() {
        return kind == Kind.NOTHING_HEARD;
    }

    /** The value, if one was understood. */
    public Optional<Object> valueIfMatched() {
        return Optional.ofNullable(value);
    }
}
