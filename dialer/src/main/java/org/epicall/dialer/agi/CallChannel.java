package org.epicall.dialer.agi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The telephony one survey call needs, in the dialer's own terms. Every method throws
 * {@link CallHungUpException} once the resident has hung up. One instance per call; not
 * thread-safe.
 */
public interface CallChannel {

    void answer();

    /**
     * Plays a prompt (STREAM FILE); {@code promptId} is a sound file name without extension.
     *
     * @throws PromptMissingException if the PBX has no such sound file
     * @throws CallHungUpException    as soon as the resident hangs up while it plays
     */
    void play(String promptId);

    void setVariable(String name, String value);

    /** Reads a channel variable; {@code null} if unset. */
    String variable(String name);

    /**
     * Expands an expression such as {@code ${AMDSTATUS}/${AMDCAUSE}} on the channel (GET FULL VARIABLE): several
     * variables in one round trip; unset ones expand to nothing.
     */
    String expand(String expression);

    /**
     * Records the resident (RECORD FILE, wav) until {@code silence} of silence, a {@code #}, or
     * {@code max}.
     *
     * @param file the recording's path without extension; the wav is written to {@code file + ".wav"}
     * @return how the recording ended (never {@link RecordEnd#HANGUP}: that throws)
     * @throws RecordingFailedException if the PBX could not write the file (the channel is alive)
     */
    RecordEnd record(Path file, Duration max, Duration silence);

    /**
     * Records as {@link #record(Path, Duration, Duration)}, but any of {@code escapeDigits} pressed
     * stops the recording and is returned, so a resident may answer by voice or on the keypad.
     */
    default Recording record(Path file, Duration max, Duration silence, String escapeDigits) {
        return new Recording(record(file, max, silence), Optional.empty());
    }

    /**
     * How a recording ended.
     *
     * @param end how it ended
     * @param key the escape digit that stopped it, if one did
     */
    record Recording(RecordEnd end, Optional<Character> key) {
    }

    /**
     * Plays a prompt and reads up to {@code maxDigits} keypad digits (GET DATA).
     *
     * @return the digits, empty if none were pressed in time
     */
    String readDigits(String promptId, Duration timeout, int maxDigits);

    /** Waits for one keypad digit (WAIT FOR DIGIT); empty on timeout. */
    Optional<Character> waitForDigit(Duration timeout);

    void hangup();

    /** How a recording ended. */
    enum RecordEnd {
        /** Silence detection or the maximum length ended it. */
        TIMEOUT,
        /** The resident pressed an escape digit ({@code #} unless others were given). */
        DTMF,
        /** The resident hung up (reported by throwing {@link CallHungUpException}). */
        HANGUP
    }
}
