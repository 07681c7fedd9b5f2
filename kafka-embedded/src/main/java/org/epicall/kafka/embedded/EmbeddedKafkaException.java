package org.epicall.kafka.embedded;

/** The embedded broker could not start, stop or create topics; the message says what to do. */
public class EmbeddedKafkaException extends RuntimeException {

    public EmbeddedKafkaException(String message, Throwable cause) {
        super(message, cause);
    }
}
