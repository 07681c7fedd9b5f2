package org.epicall.campaign.schedule;

/** A dial request that could not be handed over; the attempt is taken back and retried later. */
public class DialRequestPublishException extends RuntimeException {

    public DialRequestPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
