package org.epicall.campaign.prompt;

/** A prompt could not be rendered; the message names the tool and what to do. */
public class PromptRenderException extends RuntimeException {

    public PromptRenderException(String message) {
        super(message);
    }

    public PromptRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
