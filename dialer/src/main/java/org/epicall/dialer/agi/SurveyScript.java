package org.epicall.dialer.agi;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnsweredQuestion;

/**
 * The questionnaire side of one call: which question comes next, what a recorded answer means, what
 * keypad digits mean. The dialer's survey conversation drives the telephony around it. One instance
 * per call; not thread-safe. {@link #close} releases its recogniser.
 */
public interface SurveyScript extends AutoCloseable {

    /**
     * The next question given the answers so far (the first when {@code answered} is empty), or
     * empty when the questionnaire is done. Follow-ups are chosen here from earlier answers.
     */
    Optional<Step> next(List<AnsweredQuestion> answered);

    /**
     * Recognises and interprets a recorded answer.
     *
     * @param wav the recording (8 kHz mono wav); may be missing or empty if the resident said nothing
     * @param ask 1 for the first time the question was asked, 2 for the re-ask
     */
    Heard hear(Step step, Path wav, int ask);

    /** The value keypad digits give, or empty if they mean nothing for this question. */
    Optional<Object> keypad(Step step, String digits);

    /**
     * Whether one key answers the question on the keypad (yes/no, a single choice of up to nine
     * options); otherwise keys are read until {@code #} (a number, several options).
     */
    default boolean answeredByOneKey(Step step) {
        return false;
    }

    /**
     * Whether a voice answer must be confirmed on the keypad before it is accepted: it would raise
     * a triage flag (a fever, contact with a case, 37.5 °C or more) that the answers so far do not.
     *
     * @return the name of the prompt that asks "did you say …? 1 yes, 2 no" ({@code temperature-confirm-37.5}),
     *         or empty when no confirmation is needed
     */
    default Optional<String> confirmation(Step step, Object value, List<AnsweredQuestion> answered) {
        return Optional.empty();
    }

    /** Ids of the triage rules the answers trigger. */
    List<String> triage(List<AnsweredQuestion> answers);

    @Override
    void close();

    /**
     * One question as the call asks it.
     *
     * @param questionId id in the questionnaire
     * @param consent    true for the consent question: a "no" ends the call as declined
     */
    record Step(String questionId, boolean consent) {
    }

    /**
     * What a recorded answer was understood as.
     *
     * @param transcript what the recogniser heard, empty if nothing
     * @param value      the interpreted value, {@code null} if none
     * @param confidence 0..1
     * @param decision   accept, re-ask, or fall back to the keypad
     * @param doesNotKnow the resident said they do not know (no value; not a misunderstanding)
     */
    record Heard(String transcript, Object value, double confidence, Decision decision, boolean doesNotKnow) {

        /** What was heard, the resident not having said they do not know. */
        public Heard(String transcript, Object value, double confidence, Decision decision) {
            this(transcript, value, confidence, decision, false);
        }
    }
}
