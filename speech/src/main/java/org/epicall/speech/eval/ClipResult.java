package org.epicall.speech.eval;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.epicall.corpus.Manifest;
import org.epicall.speech.Answer;
import org.epicall.survey.answer.Decision;

/**
 * One recording played to one question the way a call plays it: asked, and asked again if unclear.
 *
 * @param recording what was played and what it must become
 * @param questionId the question it was played to
 * @param first     the first ask
 * @param second    the re-ask (another recording of the same answer where the corpus has one, else the
 *                  same recording again), or {@code null} when the first ask settled it
 * @param reaskFile the file played at the re-ask, or empty
 */
public record ClipResult(Manifest.Recording recording, String questionId, Answer first, Answer second, String reaskFile) {

    /** How the recording fared. */
    public enum Outcome {
        /** the right value accepted on the first ask */
        RIGHT_FIRST,
        /** the right value accepted on the re-ask */
        RIGHT_AFTER_REASK,
        /** voice failed twice: the call goes to the keypad */
        KEYPAD,
        /** the resident said twice they do not know (or the question has no keypad): unanswered */
        UNANSWERED,
        /** a value that is not what was said was accepted: the one thing that must never happen */
        WRONG_ACCEPTED,
        /** a recording that answers nothing: no value was accepted, as it should be */
        NOTHING_ACCEPTED
    }

    public Outcome outcome() {
        Answer last = second == null ? first : second;
        if (last.decision() == Decision.ACCEPT) {
            if (!valueRight(last.value())) {
                return Outcome.WRONG_ACCEPTED;
            }
            return second == null ? Outcome.RIGHT_FIRST : Outcome.RIGHT_AFTER_REASK;
        }
        if (recording.kind() == Manifest.AnswerKind.OTHER) {
            return Outcome.NOTHING_ACCEPTED;
        }
        return last.decision() == Decision.KEYPAD ? Outcome.KEYPAD : Outcome.UNANSWERED;
    }

    /** The answer that was accepted, if any. */
    public Answer accepted() {
        Answer last = second == null ? first : second;
        return last.decision() == Decision.ACCEPT ? last : null;
    }

    /** Whether {@code value} is what the recording must become (a recording of kind other must become nothing). */
    public boolean valueRight(Object value) {
        String expected = recording.expected();
        if (recording.kind() == Manifest.AnswerKind.OTHER || value == null) {
            return false;
        }
        return switch (recording.kind()) {
            case YES_NO -> value.equals(expected.equals("yes"));
            case NUMBER -> value instanceof BigDecimal number && number.compareTo(new BigDecimal(expected)) == 0;
            case COUNTRY, CHOICE -> value instanceof List<?> options && options.equals(Arrays.stream(expected.split("[+,]")).map(String::strip).toList());
            case OTHER -> false;
        };
    }
}
