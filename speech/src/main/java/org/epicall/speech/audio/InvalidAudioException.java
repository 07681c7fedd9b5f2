package org.epicall.speech.audio;

/**
 * Audio that cannot be recognised, with a message meant for the person who supplied it.
 */
public final class InvalidAudioException extends RuntimeException {

    /** What is wrong with the audio. */
    public enum Problem {
        /** The file does not exist or cannot be read. */
        UNREADABLE,
        /** The bytes are not a WAV/AIFF/AU audio file. */
        NOT_AUDIO,
        /** Audio, but not 16-bit signed PCM mono at a supported rate. */
        WRONG_FORMAT,
        /** No samples at all. */
        EMPTY,
        /** Samples, but nothing louder than the silence threshold. */
        SILENCE
    }

    private final Problem problem;

    public InvalidAudioException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public InvalidAudioException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
