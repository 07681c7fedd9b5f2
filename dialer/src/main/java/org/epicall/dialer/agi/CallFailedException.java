package org.epicall.dialer.agi;

/** The AGI session broke in a way other than a hangup (bad reply, I/O error). */
public final class CallFailedException extends RuntimeException {

    public CallFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
