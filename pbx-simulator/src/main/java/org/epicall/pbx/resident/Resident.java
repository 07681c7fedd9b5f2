package org.epicall.pbx.resident;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A simulated resident: the phone number, what happens when it is called, and its answers.
 *
 * @param number           E.164 phone number, e.g. {@code +41790000001}
 * @param behaviour        what happens when the number is called
 * @param after            how long the phone rings before the behaviour happens (simulated time)
 * @param hangupAtQuestion for {@link Behaviour#HANGUP_AT_QUESTION}: the 1-based question during whose
 *                         recording the resident hangs up; 0 otherwise
 * @param hangupAfter      if present, the resident hangs up this long after answering, whatever is going on
 * @param answers          the answers in question order; the order is the fallback when the dialer does not
 *                         name the question in {@code EPICALL_QUESTION}
 * @param thenAnswerAfter  0: the behaviour holds on every call; N &gt; 0 (only where
 *                         {@link Behaviour#mayAnswerLater()}): the first N calls to the number get the behaviour,
 *                         later calls are answered as by an {@link Behaviour#ANSWER} resident, so a retry can
 *                         succeed
 */
public record Resident(String number, Behaviour behaviour, Duration after, int hangupAtQuestion,
                       Optional<Duration> hangupAfter, List<Answer> answers, int thenAnswerAfter) {

    public Resident {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(behaviour, "behaviour");
        after = after == null ? Duration.ZERO : after;
        hangupAfter = hangupAfter == null ? Optional.empty() : hangupAfter;
        answers = List.copyOf(answers);
        if (after.isNegative()) {
            throw new IllegalArgumentException(number + ": 'after' must not be negative");
        }
        if (behaviour == Behaviour.HANGUP_AT_QUESTION && hangupAtQuestion < 1) {
            throw new IllegalArgumentException(number + ": behaviour hangup-at-question needs hangupAtQuestion >= 1");
        }
        if (thenAnswerAfter < 0) {
            throw new IllegalArgumentException(number + ": thenAnswerAfter must not be negative");
        }
        if (thenAnswerAfter > 0 && !behaviour.mayAnswerLater()) {
            throw new IllegalArgumentException(number + ": thenAnswerAfter only applies to a behaviour after which a "
                    + "person may answer (busy, no-answer, congestion, rejected, absent, machine), not to "
                    + behaviour.label());
        }
    }

    /** A resident whose behaviour is the same on every call. */
    public Resident(String number, Behaviour behaviour, Duration after, int hangupAtQuestion,
                    Optional<Duration> hangupAfter, List<Answer> answers) {
        this(number, behaviour, after, hangupAtQuestion, hangupAfter, answers, 0);
    }

    /** A resident who behaves as {@code behaviour} at once and has no answers. */
    public static Resident of(String number, Behaviour behaviour) {
        return new Resident(number, behaviour, Duration.ZERO, 0, Optional.empty(), List.of());
    }

    public Resident withAnswers(List<Answer> newAnswers) {
        return new Resident(number, behaviour, after, hangupAtQuestion, hangupAfter, newAnswers, thenAnswerAfter);
    }

    public Resident ringingFor(Duration ringing) {
        return new Resident(number, behaviour, ringing, hangupAtQuestion, hangupAfter, answers, thenAnswerAfter);
    }

    public Resident hangingUpAfter(Duration talking) {
        return new Resident(number, behaviour, after, hangupAtQuestion, Optional.of(talking), answers, thenAnswerAfter);
    }

    public Resident hangingUpAtQuestion(int question) {
        return new Resident(number, Behaviour.HANGUP_AT_QUESTION, after, question, hangupAfter, answers, 0);
    }

    /** This resident, answering from call {@code calls + 1} on (see {@link #thenAnswerAfter()}). */
    public Resident answeringAfter(int calls) {
        return new Resident(number, behaviour, after, hangupAtQuestion, hangupAfter, answers, calls);
    }

    /**
     * How the resident behaves on its {@code call}-th call (1-based): itself, or, past {@link #thenAnswerAfter()}
     * calls, an answering resident with the same number, ringing time and answers.
     */
    public Resident onCall(long call) {
        if (thenAnswerAfter == 0 || call <= thenAnswerAfter) {
            return this;
        }
        return new Resident(number, Behaviour.ANSWER, after, 0, hangupAfter, answers, 0);
    }
}
