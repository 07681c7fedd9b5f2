package org.epicall.speech;

/**
 * Offline speech recognition shared by all calls.
 *
 * <p>Thread-safe: one instance serves every call. The model for a language is loaded once, on the
 * first {@link #openCall} for it, and shared by all calls in that language.
 */
public interface SpeechRecognizer {

    /**
     * Opens recognition for one call.
     *
     * @param language language code of the resident's answers, e.g. {@code ko}
     * @return a recognizer owned by the caller, to be closed when the call ends
     * @throws org.epicall.speech.model.ModelUnavailableException when there is no model for the language
     */
    CallRecognizer openCall(String language);
}
