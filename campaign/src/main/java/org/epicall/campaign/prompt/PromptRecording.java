package org.epicall.campaign.prompt;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A prompt's recording as a campaign keeps it.
 *
 * @param promptId  the prompt, as the dialer names its sound file (intro, fever, fever-reask, …)
 * @param language  the language it is in
 * @param source    {@code uploaded}: recorded by an official; {@code rendered}: spoken from the questionnaire's text
 * @param updatedAt when it was put in place
 * @param seconds   how long it lasts
 */
@Schema(description = "A prompt's recording: 8 kHz mono 16-bit WAV, as Asterisk plays it")
public record PromptRecording(String promptId, String language, String source, Instant updatedAt, double seconds) {
}
