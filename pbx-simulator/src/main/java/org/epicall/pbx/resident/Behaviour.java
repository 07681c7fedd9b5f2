package org.epicall.pbx.resident;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a resident does when called; the persona file names these in kebab case. */
public enum Behaviour {
    /** Rings for {@code after}, answers, and answers each question with its audio (and digits). */
    ANSWER("answer"),
    /** Line busy: OriginateResponse Reason 5, Hangup cause 17. */
    BUSY("busy"),
    /** Rings until the Originate times out: Reason 3, cause 19. */
    NO_ANSWER("no-answer"),
    /** Network congestion: Reason 8, cause 34. */
    CONGESTION("congestion"),
    /** Declines the call: Reason 0, cause 21 (Call Rejected), as {@code Hangup(21)} before answering. */
    REJECTED("rejected"),
    /** The number is not in service: Reason 0, cause 1 (Unallocated number), as the network reports it. */
    UNALLOCATED("unallocated"),
    /** The phone is off or out of coverage: Reason 0, cause 20 (Subscriber absent), DialStatus CHANUNAVAIL. */
    ABSENT("absent"),
    /**
     * An answering machine or voicemail: answers after ringing, plays a long greeting (what AMD() reports as
     * MACHINE, LONGGREETING), never answers a question, and hangs up when its recording time is over.
     */
    MACHINE("machine"),
    /** Answers, then hangs up while answering question {@code hangupAtQuestion}. */
    HANGUP_AT_QUESTION("hangup-at-question"),
    /** Answers but never speaks or presses a key. */
    SILENT("silent"),
    /** Answers, never speaks, but presses the digits of each answer. */
    KEYPAD_ONLY("keypad-only");

    private final String label;

    Behaviour(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean answers() {
        return this == ANSWER || this == HANGUP_AT_QUESTION || this == SILENT || this == KEYPAD_ONLY || this == MACHINE;
    }

    /**
     * Whether a person may answer a later call instead ({@code thenAnswerAfter}): the line was busy, unanswered,
     * congested, declined, switched off, or the call went to voicemail.
     */
    public boolean mayAnswerLater() {
        return !answers() || this == MACHINE;
    }

    public boolean speaks() {
        return this == ANSWER || this == HANGUP_AT_QUESTION;
    }

    public boolean pressesKeys() {
        return this == ANSWER || this == HANGUP_AT_QUESTION || this == KEYPAD_ONLY;
    }

    /**
     * The behaviour with this label (case-insensitive; {@code _} and {@code -} alike).
     *
     * @throws IllegalArgumentException naming the accepted labels
     */
    public static Behaviour fromLabel(String label) {
        String wanted = label.trim().replace('_', '-');
        for (Behaviour behaviour : values()) {
            if (behaviour.label.equalsIgnoreCase(wanted)) {
                return behaviour;
            }
        }
        throw new IllegalArgumentException("unknown behaviour '" + label + "'; expected one of "
                + Arrays.stream(values()).map(Behaviour::label).collect(Collectors.joining(", ")));
    }
}
