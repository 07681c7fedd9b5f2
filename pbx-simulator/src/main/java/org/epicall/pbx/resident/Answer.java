package org.epicall.pbx.resident;

import org.epicall.pbx.audio.AudioClip;

import java.util.Objects;

/**
 * How a resident answers one question.
 *
 * @param questionId the question's id, as the dialer names it in {@code EPICALL_QUESTION}
 * @param audio      what the resident says (written by RECORD FILE), or null if nothing
 * @param digits     what the resident keys in (WAIT FOR DIGIT, GET DATA), or empty if nothing
 */
public record Answer(String questionId, AudioClip audio, String digits) {

    public Answer {
        Objects.requireNonNull(questionId, "questionId");
        digits = digits == null ? "" : digits;
        if (!digits.chars().allMatch(c -> "0123456789*#".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("digits of question '" + questionId + "' must be 0-9, * or #, got '"
                    + digits + "'");
        }
    }
}
