package org.epicall.messaging.outbox;

/** The outbox could not make a record durable; the caller must not consider it kept. */
public class OutboxException extends RuntimeException {

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
