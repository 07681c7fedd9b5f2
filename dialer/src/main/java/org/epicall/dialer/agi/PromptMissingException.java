package org.epicall.dialer.agi;

/**
 * A prompt is not installed on the PBX: STREAM FILE answered {@code 200 result=-1 endpos=0} on a live
 * channel (agi-23), so the resident heard silence. A fault of the campaign's setup, not of the resident.
 */
public final class PromptMissingException extends RuntimeException {

    private final String prompt;

    public PromptMissingException(String prompt) {
        super("prompt " + prompt + " is not installed on the PBX (STREAM FILE: result=-1 endpos=0)");
        this.prompt = prompt;
    }

    public String prompt() {
        return prompt;
    }
}
