package org.epicall.pbx.resident;

import org.epicall.pbx.audio.AudioClip;

import java.util.Objects;

/**
 * How a resident answers one question.
 *
 * @param questionId the question's id, as the dialer names it in {@code EPICALL_QUESTION}
 * @param audio      what the resident says (written by RECORD FILE), or null if nothing
 * @param digits     what the resident keys in (WAIT FOR DIGIT, GET DATA), or empty if nothing
 * @param meaning    what the answer means ({@code yes}, {@code 37.5}, {@code china}), to confirm or deny
 *                   it when the dialer reads it back; empty when not known (the digits decide then)
 */
public record Answer(String questionId, AudioClip audio, String digits, String meaning) {

    /** An answer whose meaning is given only by its digits. */
    public Answer(String questionId, AudioClip audio, String digits) {
        this(questionId, audio, digits, "");
    }

    public Answer {
        Objects.requireNonNull(questionId, "questionId");
        digits = digits == null ? "" : digits;
        meaning = meaning == null ? "" : meaning.strip();
        if (!digits.chars().allMatch(c -> "0123456789*#".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("digits of question '" + questionId + "' must be 0-9, * or #, got '"
                    + digits + "'");
        }
    }

    /**
     * Whether the resident says "yes, that is what I said" to {@code value} read back
     * ({@code yes}, {@code 37.5}, {@code china}): by its meaning if known, else by its digits (1 = yes,
     * 2 = no, 37*5 = 37.5); a resident who cannot tell confirms.
     */
    public boolean confirms(String value) {
        if (!meaning.isEmpty()) {
            return sameValue(meaning, value);
        }
        String keys = digits.endsWith("#") ? digits.substring(0, digits.length() - 1) : digits;
        if (keys.isEmpty()) {
            return true;
        }
        String valueKeys = value.equals("yes") ? "1" : value.equals("no") ? "2" : value.replace('.', '*');
        return keys.equals(valueKeys) || sameValue(keys.replace('*', '.'), value);
    }

    private static boolean sameValue(String a, String b) {
        try {
            return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) == 0;
        } catch (NumberFormatException notNumbers) {
            return a.equalsIgnoreCase(b);
        }
    }
}
