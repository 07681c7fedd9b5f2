package org.epicall.speech;

import org.epicall.survey.answer.Decision;
import org.epicall.survey.answer.Interpretation;

import java.util.Objects;

/**
 * A spoken answer to one question: what was heard, what it means, and what the call does next.
 *
 * @param questionId     the question's id
 * @param transcript     what the recogniser heard
 * @param interpretation the typed value and its confidence, or no match
 * @param decision       accept, re-ask, keypad, or unanswered, by the survey's decision policy
 */
public record Answer(String questionId, Transcript transcript, Interpretation interpretation, Decision decision) {

    public Answer {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(transcript, "transcript");
        Objects.requireNonNull(interpretation, "interpretation");
        Objects.requireNonNull(decision, "decision");
    }

    /** The typed value, or null for no match. */
    public Object value() {
        return interpretation.value();
    }

    public double confidence() {
        return interpretation.confidence();
    }
}
