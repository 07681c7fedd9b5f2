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
 */
public record Resident(String number, Behaviour behaviour, Duration after, int hangupAtQuestion,
                       Optional<Duration> hangupAfter, List<Answer> answers) {

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
    }

    /** A resident who behaves as {@code behaviour} at once and has no answers. */
    public static Resident of(String number, Behaviour behaviour) {
        return new Resident(number, behaviour, Duration.ZERO, 0, Optional.empty(), List.of());
    }

    public Resident withAnswers(List<Answer> newAnswers) {
        return new Resident(number, behaviour, after, hangupAtQuestion, hangupAfter, newAnswers);
    }

    public Resident ringingFor(Duration ringing) {
        return new Resident(number, behaviour, ringing, hangupAtQuestion, hangupAfter, answers);
    }

    public Resident hangingUpAfter(Duration talking) {
        return new Resident(number, behaviour, after, hangupAtQuestion, Optional.of(talking), answers);
    }

    public Resident hangingUpAtQuestion(int question) {
        return new Resident(number, Behaviour.HANGUP_AT_QUESTION, after, question, hangupAfter, answers);
    }
}
