package org.epicall.pbx.resident;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which question the resident is being asked, and what it answers. One per answered call; not thread-safe
 * (its AGI session uses it from one thread).
 *
 * <p>The dialer names the question in the channel variable {@code EPICALL_QUESTION} before it records;
 * when it does not, the k-th RECORD FILE is taken to be the k-th question of the resident's answers.
 */
public final class ResidentConversation {

    /** The channel variable the dialer sets (SET VARIABLE) to the id of the question it is about to ask. */
    public static final String QUESTION_VARIABLE = "EPICALL_QUESTION";

    private final Resident resident;
    private final Set<String> asked = new LinkedHashSet<>();
    private int recordings;
    private String current;
    /** Keys of the current keypad answer already pressed (a key that stopped a recording, then the rest). */
    private int keysPressed;

    public ResidentConversation(Resident resident) {
        this.resident = resident;
    }

    public Resident resident() {
        return resident;
    }

    /**
     * Notes that a recording starts and returns the question it answers.
     *
     * @param namedQuestion the value of {@code EPICALL_QUESTION}, or null if unset
     */
    public Asked startRecording(String namedQuestion) {
        recordings++;
        String id = namedQuestion != null && !namedQuestion.isBlank() ? namedQuestion : idByOrder(recordings);
        asked.add(id);
        current = id;
        keysPressed = 0;
        int ordinal = ordinalOf(id);
        return new Asked(id, ordinal, answer(id, ordinal));
    }

    /** The question a keypad entry answers now: the named one, else the one last recorded, else the first. */
    public Optional<Answer> keypadAnswer(String namedQuestion) {
        String id = namedQuestion != null && !namedQuestion.isBlank() ? namedQuestion
                : current != null ? current : idByOrder(1);
        return answer(id, ordinalOf(id));
    }

    /**
     * The keys of the keypad answer to the question not pressed yet in this ask: all of them, or
     * what follows the key that stopped the recording (3 stopped it, 7*5# follows).
     */
    public String keysLeft(String namedQuestion) {
        if (namedQuestion != null && !namedQuestion.isBlank() && !namedQuestion.equals(current)) {
            // keyed in without a recording first (the dialer asks on the keypad only, as after a RECORD FILE
            // that could not write): a new question, none of its keys pressed yet
            current = namedQuestion;
            keysPressed = 0;
        }
        String keys = keypadAnswer(namedQuestion).map(Answer::digits).orElse("");
        return keys.substring(Math.min(keysPressed, keys.length()));
    }

    /** Whether the resident confirms {@code value} read back for the question ({@link Answer#confirms}). */
    public boolean confirms(String namedQuestion, String value) {
        return keypadAnswer(namedQuestion).map(answer -> answer.confirms(value)).orElse(false);
    }

    /** Notes that {@code count} more keys of the current answer were pressed. */
    public void pressed(int count) {
        keysPressed += count;
    }

    /** True if the resident hangs up during the recording of this question. */
    public boolean hangsUpDuring(Asked question) {
        return resident.behaviour() == Behaviour.HANGUP_AT_QUESTION && question.ordinal() >= resident.hangupAtQuestion();
    }

    private int ordinalOf(String id) {
        int ordinal = 1;
        for (String seen : asked) {
            if (seen.equals(id)) {
                return ordinal;
            }
            ordinal++;
        }
        return asked.size() + 1;
    }

    private String idByOrder(int k) {
        return k <= resident.answers().size() ? resident.answers().get(k - 1).questionId() : "#" + k;
    }

    private Optional<Answer> answer(String id, int ordinal) {
        for (Answer answer : resident.answers()) {
            if (answer.questionId().equals(id)) {
                return Optional.of(answer);
            }
        }
        // A question id the persona does not know is answered by position, so personas built from the
        // corpus still work with a questionnaire that names its questions differently.
        if (ordinal <= resident.answers().size()) {
            return Optional.of(resident.answers().get(ordinal - 1));
        }
        return Optional.empty();
    }

    /** A question being asked: its id, its 1-based position in this call, and the resident's answer if any. */
    public record Asked(String id, int ordinal, Optional<Answer> answer) {
    }
}
