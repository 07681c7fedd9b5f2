package org.epicall.survey.language;

/** A language pack is missing or broken; the message names it and says what to do. */
public final class LanguagePackException extends RuntimeException {

    public LanguagePackException(String message, Throwable cause) {
        super(message, cause);
    }
}
