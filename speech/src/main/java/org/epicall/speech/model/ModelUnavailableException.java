package org.epicall.speech.model;

/** No usable model for a language; the message says what was tried and how to provide one. */
public final class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message) {
        super(message);
    }

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
