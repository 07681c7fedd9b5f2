package org.epicall.speech;

import org.epicall.speech.audio.TelephoneAudio;

import java.nio.file.Path;
import java.util.List;

/**
 * Recognition for one call: one answer at a time, each against the phrases its question expects.
 *
 * <p>Not thread-safe: one call, one thread at a time. Holds native memory until {@link #close()}.
 */
public interface CallRecognizer extends AutoCloseable {

    /**
     * Recognises one recorded answer.
     *
     * @param wavFile         16-bit mono PCM WAV, 8000 Hz (or 16000 Hz)
     * @param expectedPhrases the phrases this question expects (never null; empty means free transcription)
     * @throws org.epicall.speech.audio.InvalidAudioException when the file is not usable audio (not audio,
     *                                                        wrong format, empty, silent)
     */
    Transcript recognize(Path wavFile, List<String> expectedPhrases);

    /** Recognises audio already read and validated, e.g. from a stream. */
    Transcript recognize(TelephoneAudio audio, List<String> expectedPhrases);

    /** Frees the native recognizers; the shared model stays loaded. Idempotent. */
    @Override
    void close();
}
