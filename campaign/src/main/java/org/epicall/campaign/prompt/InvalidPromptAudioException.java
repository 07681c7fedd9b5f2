package org.epicall.campaign.prompt;

/** A recording that cannot be played as a prompt; the message says what it is and what to do. */
public class InvalidPromptAudioException extends RuntimeException {

    public InvalidPromptAudioException(String message) {
        super(message);
    }
}
