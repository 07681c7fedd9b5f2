package org.epicall.campaign.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Prompt recordings, under {@code epicall.campaign.prompts}.
 *
 * @param required a campaign starts only when every prompt of its questionnaire has a recording in every
 *                 language (an official's, or a rendering); false only where nothing plays them (the campaign
 *                 module's tests, ScaleOutIT where espeak-ng is missing): Asterisk answers a missing prompt with
 *                 silence
 * @param dir      where they are kept, {@code <campaign>/<questionnaire>/<language>/<prompt>.wav}: the directory
 *                 Asterisk mounts as {@code sounds/epicall}, shared by every campaign service (default
 *                 {@code <storage-dir>/prompts})
 */
public record PromptProperties(@DefaultValue("true") boolean required, Path dir) {
}
