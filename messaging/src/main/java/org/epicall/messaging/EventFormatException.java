package org.epicall.messaging;

/** A record on an epicall topic is not the JSON its schema describes. */
public class EventFormatException extends RuntimeException {

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
