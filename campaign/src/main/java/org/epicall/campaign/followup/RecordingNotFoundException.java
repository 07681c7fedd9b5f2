package org.epicall.campaign.followup;

/** There is no recording to play for an answer; the message says why and what to do. */
public class RecordingNotFoundException extends RuntimeException {

    public RecordingNotFoundException(String message) {
        super(message);
    }
}
