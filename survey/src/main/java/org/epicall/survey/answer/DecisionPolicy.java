package org.epicall.survey.answer;

import java.util.Objects;

import org.epicall.survey.questionnaire.Question;

/**
 * Decides what a call does with an interpreted answer: accept it, ask again by voice, fall back to
 * the keypad, or give up on the question.
 *
 * <p>A voice answer is accepted when it matched with a confidence at or above the question's
 * {@link Question#confidenceThreshold()}. The question is asked again by voice only when a second
 * voice ask can plausibly help: something that bears on the answer was heard but not understood
 * well enough (a value below the threshold, an unclear, qualified or contradictory answer, a
 * question back), or the resident said they do not know (글쎄요 is often a pause before the
 * answer). When the recording held nothing that could answer (silence, noise, fillers only), the
 * call goes straight to the keypad if the question has one: the resident either did not speak or
 * was not heard, and keys get through a bad line where a repeated voice ask would most likely fail
 * the same way (and cost another decode). After {@code voiceAsks} voice asks it is the keypad, or
 * unanswered for a question without one. A resident who does not know is never sent to the keypad:
 * the keys offer the same answers they just said they cannot give. Immutable and thread-safe.
 */
public final class DecisionPolicy {

    /** Voice asks before the keypad: the first ask and one re-ask. */
    public static final int DEFAULT_VOICE_ASKS = 2;
    /** Keypad tries before the question stays unanswered. */
    public static final int DEFAULT_KEYPAD_ASKS = 2;

    private final int voiceAsks;
    private final int keypadAsks;

    /** The default policy: two voice asks, then two keypad tries. */
    public DecisionPolicy() {
        this(DEFAULT_VOICE_ASKS, DEFAULT_KEYPAD_ASKS);
    }

    /**
     * @param voiceAsks  how many times a question is asked by voice (at least 1)
     * @param keypadAsks how many keypad tries follow (at least 1)
     */
    public DecisionPolicy(int voiceAsks, int keypadAsks) {
        if (voiceAsks < 1 || keypadAsks < 1) {
            throw new IllegalArgumentException("voiceAsks and keypadAsks must be >= 1, were " + voiceAsks + ", " + keypadAsks);
        }
        this.voiceAsks = voiceAsks;
        this.keypadAsks = keypadAsks;
    }

    /**
     * The decision after the {@code askNumber}-th voice ask of {@code question}.
     *
     * @param askNumber 1 for the first ask, 2 for the re-ask, …
     * @return {@link Decision#ACCEPT}, {@link Decision#REASK}, {@link Decision#KEYPAD} or
     *         {@link Decision#UNANSWERED} (voice failed and the question has no keypad fallback)
     */
    public Decision decide(Question question, Interpretation interpretation, int askNumber) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(interpretation, "interpretation");
        if (askNumber < 1) {
            throw new IllegalArgumentException("askNumber starts at 1, was " + askNumber);
        }
        if (interpretation.matched() && interpretation.confidence() >= question.confidenceThreshold()) {
            return Decision.ACCEPT;
        }
        if (interpretation.nothingHeard() && question.keypadFallback().isPresent()) {
            return Decision.KEYPAD;
        }
        if (askNumber < voiceAsks) {
            return Decision.REASK;
        }
        if (interpretation.doesNotKnow()) {
            return Decision.UNANSWERED;
        }
        return question.keypadFallback().isPresent() ? Decision.KEYPAD : Decision.UNANSWERED;
    }

    /**
     * The decision after the {@code tryNumber}-th keypad try: accept a valid entry, otherwise try the
     * keypad again until {@code keypadAsks} tries were made, then leave the question unanswered.
     */
    public Decision decideKeypad(Interpretation interpretation, int tryNumber) {
        Objects.requireNonNull(interpretation, "interpretation");
        if (tryNumber < 1) {
            throw new IllegalArgumentException("tryNumber starts at 1, was " + tryNumber);
        }
        if (interpretation.matched()) {
            return Decision.ACCEPT;
        }
        return tryNumber < keypadAsks ? Decision.KEYPAD : Decision.UNANSWERED;
    }
}
