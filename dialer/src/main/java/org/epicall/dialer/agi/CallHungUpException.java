package org.epicall.dialer.agi;

/** The resident hung up; the call can do nothing more. */
public final class CallHungUpException extends RuntimeException {

    public CallHungUpException(String message, Throwable cause) {
        super(message, cause);
    }
}
