package org.epicall.corpus;

/** A corpus manifest or its audio cannot be used; the message names the file, line and column, and the fix. */
public final class ManifestException extends RuntimeException {

    public ManifestException(String message) {
        super(message);
    }
}
