package org.epicall.campaign.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Roster import settings, under {@code epicall.campaign.roster}.
 *
 * @param defaultRegion   ISO 3166 region used to read numbers written without a country code
 * @param defaultLanguage language pack for contacts whose row names none
 * @param chunkSize       rows committed per transaction; a crash redoes at most this many
 * @param skipLimit       bad rows tolerated per import before it is stopped as not a roster at all
 */
public record RosterProperties(
        @NotBlank @Pattern(regexp = "[A-Z]{2}") @DefaultValue("KR") String defaultRegion,
        @NotBlank @DefaultValue("ko") String defaultLanguage,
        @Min(1) @Max(100_000) @DefaultValue("1000") int chunkSize,
        @Min(0) @DefaultValue("1000000") long skipLimit) {
}
