package org.epicall.dialer.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.epicall.speech.internal.VoskSpeechRecognizer;

/**
 * The recognition models this node loaded at start, and the pool that decodes with them.
 *
 * @param recognizer the Vosk recogniser, without the pool around it
 * @param pool       what the calls use: decoding on threads of its own, CPU measured
 * @param models     each loaded language's model directory
 * @param loadTime   how long loading took
 */
public record LoadedSpeech(VoskSpeechRecognizer recognizer, RecognitionPool pool, Map<String, String> models,
                           Duration loadTime) implements AutoCloseable {

    public LoadedSpeech {
        models = Map.copyOf(models);
    }

    public List<String> languages() {
        return models.keySet().stream().sorted().toList();
    }

    @Override
    public void close() {
        pool.close();
        recognizer.close();
    }
}
