package org.epicall.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.AnsweredQuestion;

/**
 * One answered question in a {@link SurveyResultEvent}.
 *
 * @param questionId id of the question in the questionnaire
 * @param type       the JSON type of {@code value}
 * @param value      the typed value; {@code null} when unanswered
 * @param transcript what the recogniser heard in the answer that counted (a spoken value, or "I don't
 *                   know"); empty for keypad answers and answers nobody understood
 * @param transcriptNotCounted what the recogniser heard at a voice attempt that did not count (the
 *                   keypad answered after it, or it was not understood); absent when there was none.
 *                   Events written before this field existed kept such a transcript in {@code transcript}
 *                   beside a keypad {@code source}
 * @param confidence 0..1, 1.0 for keypad answers
 * @param decision   the decision reached for the question
 * @param source     voice, keypad or none: which one counted
 * @param asks       how many times the question was asked
 * @param confirmed  a voice answer the resident confirmed on the keypad when it was read back
 * @param doesNotKnow the resident said they do not know: unanswered, though understood
 */
public record ResultAnswer(
        String questionId,
        AnswerType type,
        @JsonInclude(JsonInclude.Include.ALWAYS) Object value,
        String transcript,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String transcriptNotCounted,
        double confidence,
        Decision decision,
        AnswerSource source,
        int asks,
        boolean confirmed,
        boolean doesNotKnow) {

    /** An answer that was not read back for confirmation, from a resident who did not say they do not know. */
    public ResultAnswer(String questionId, AnswerType type, Object value, String transcript, double confidence, Decision decision,
                        AnswerSource source, int asks) {
        this(questionId, type, value, transcript, "", confidence, decision, source, asks, false, false);
    }

    /** The recording path stays out: it is a local file name that may identify the resident. */
    public static ResultAnswer of(AnsweredQuestion q) {
        return new ResultAnswer(q.questionId(), AnswerType.of(q.value()), q.value(), q.countedTranscript(),
                q.transcriptNotCounted(), q.confidence(), q.decision(), q.source(), q.asks(), q.confirmed(),
                q.doesNotKnow());
    }

    /**
     * The answer as the dialer recorded it, without its recording's path. An event written before
     * {@code transcriptNotCounted} existed reads the same as one written after.
     */
    public AnsweredQuestion answeredQuestion() {
        String heard = transcript != null && !transcript.isEmpty() ? transcript
                : transcriptNotCounted == null ? "" : transcriptNotCounted;
        return new AnsweredQuestion(questionId, heard, value, confidence, decision, source, asks, null, confirmed,
                doesNotKnow);
    }
}
