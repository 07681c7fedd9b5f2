package org.epicall.dialer.support;

import org.epicall.speech.SpeechRecognizer;
import org.epicall.speech.SpeechSettings;
import org.epicall.speech.internal.VoskSpeechRecognizer;
import org.epicall.speech.model.ModelSettings;
import org.epicall.speech.model.ModelStore;

/** The real Vosk recogniser, shared by the tests of a JVM (the Korean model loads once). */
public final class Speech {

    private static SpeechRecognizer shared;

    private Speech() {
    }

    public static synchronized SpeechRecognizer recognizer() {
        if (shared == null) {
            shared = new VoskSpeechRecognizer(new ModelStore(ModelSettings.fromEnvironment()), SpeechSettings.defaults());
        }
        return shared;
    }
}
