package org.epicall.survey.call;

import org.epicall.survey.answer.Decision;

/**
 * One question as it went on a call.
 *
 * @param questionId id of the question in the questionnaire
 * @param transcript what the recogniser heard at the last voice attempt, whether or not the answer was taken
 *                   from it ({@link #countedTranscript()} and {@link #transcriptNotCounted()} say which);
 *                   empty when the resident never spoke an answer
 * @param value      the typed value: {@code Boolean} for yes/no, {@code java.math.BigDecimal} for
 *                   numbers, {@code List<String>} of option ids for choices, {@code Integer} days for
 *                   days-ago, ISO {@code String} for dates, {@code String} for free text; {@code null}
 *                   when unanswered
 * @param confidence 0..1; 1.0 for keypad answers
 * @param decision   the final decision reached for this question
 * @param source     voice or keypad
 * @param asks       how many times the question was asked (1 = no re-ask)
 * @param audioPath  path of the kept recording of the last voice answer, or {@code null}
 * @param confirmed  a voice answer the resident confirmed on the keypad when it was read back (an
 *                   answer that raises a triage flag is confirmed before it is accepted)
 * @param doesNotKnow the resident said they do not know (모르겠어요): unanswered, and not for want of
 *                   understanding them
 */
public record AnsweredQuestion(
        String questionId,
        String transcript,
        Object value,
        double confidence,
        Decision decision,
        AnswerSource source,
        int asks,
        String audioPath,
        boolean confirmed,
        boolean doesNotKnow) {

    /**
     * What the recogniser heard in the answer that counted: a spoken value, or the resident saying they
     * do not know; empty when the keypad gave the value or nothing was understood.
     */
    public String countedTranscript() {
        return transcriptCounts(source, doesNotKnow) ? nonNull(transcript) : "";
    }

    /**
     * What the recogniser heard at a voice attempt that did not count: the keypad answered after it, or
     * it was never understood; empty when the transcript counted or there was none.
     */
    public String transcriptNotCounted() {
        return transcriptCounts(source, doesNotKnow) ? "" : nonNull(transcript);
    }

    /**
     * Whether a question's transcript is what its answer was taken from. Results stored or published
     * before the two were told apart carried a keypad answer's unused voice transcript in the same
     * field; the source still tells them apart.
     */
    public static boolean transcriptCounts(AnswerSource source, boolean doesNotKnow) {
        return source == AnswerSource.VOICE || doesNotKnow;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** An answer that was not read back for confirmation. */
    public AnsweredQuestion(String questionId, String transcript, Object value, double confidence, Decision decision,
                            AnswerSource source, int asks, String audioPath) {
        this(questionId, transcript, value, confidence, decision, source, asks, audioPath, false, false);
    }

    /** An answer, confirmed or not, from a resident who did not say they do not know. */
    public AnsweredQuestion(String questionId, String transcript, Object value, double confidence, Decision decision,
                            AnswerSource source, int asks, String audioPath, boolean confirmed) {
        this(questionId, transcript, value, confidence, decision, source, asks, audioPath, confirmed, false);
    }
}
