package org.epicall.campaign.prompt;

/** A prompt or language the campaign's questionnaire does not have, or a prompt with no recording yet. */
public class PromptNotFoundException extends RuntimeException {

    public PromptNotFoundException(String message) {
        super(message);
    }
}
