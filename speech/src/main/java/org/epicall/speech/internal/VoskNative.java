package org.epicall.speech.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.vosk.LibVosk;
import org.vosk.LogLevel;

/**
 * The one libvosk call the Java binding does not expose: looking a word up in the model's symbol
 * table (which small models keep inside graph/Gr.fst, not in a words.txt).
 */
final class VoskNative {

    static {
        // LibVosk's static initialiser extracts and loads libvosk; register against the same library.
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        Native.register(VoskNative.class, "vosk");
    }

    private VoskNative() {
    }

    /** The word's id, or -1 when the model does not know it. */
    static native int vosk_model_find_word(Pointer model, String word);

    static void init() {
        // Triggers the static initialiser.
    }
}
