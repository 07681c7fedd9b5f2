package org.epicall.campaign.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Follow-up settings, under {@code epicall.campaign.follow-up}.
 *
 * @param recordingsDir the dialers' recordings directory as this service sees it (a shared volume in
 *                      production): recordings are found as {@code <recordingsDir>/<campaign>/<file>}
 */
public record FollowUpProperties(@NotNull @DefaultValue("./data/recordings") Path recordingsDir) {
}
