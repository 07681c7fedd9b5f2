package org.epicall.pbx.resident;

/** A persona file that cannot be used; the message names the file, the place in it, and what to do. */
public final class PersonaFileException extends RuntimeException {

    public PersonaFileException(String message) {
        super(message);
    }

    public PersonaFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
