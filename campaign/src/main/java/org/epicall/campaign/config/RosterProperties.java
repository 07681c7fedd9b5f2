package org.epicall.campaign.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Roster import settings, under {@code epicall.campaign.roster}.
 *
 * @param defaultRegion   ISO 3166 region used to read numbers written without a country code
 * @param defaultLanguage language pack for contacts whose row names none
 * @param chunkSize       rows committed per transaction; a crash redoes at most this many
 * @param skipLimit       bad rows tolerated per import partition before it is stopped as not a roster at all
 *                        (duplicates, rejected after the partitions, do not count)
 * @param partitions      line ranges imported in parallel (one per core is the useful most)
 * @param minPartitionRows rows a partition must have at least; smaller rosters use fewer partitions
 * @param previewRows     rows a preview of a roster validates at most before it says it stopped there
 * @param maxRowChars     the longest row (record) accepted, quoted line breaks included; a longer one is
 *                        rejected, and a quote left open is rejected as never closed after this many
 *                        characters, so a stray quote costs one row and a bounded amount of work
 * @param retention       how long an uploaded roster file is kept once its import has ended (the contacts,
 *                        rejects and results stay in the database); then the roster sweeper deletes it
 */
public record RosterProperties(
        @NotBlank @Pattern(regexp = "[A-Z]{2}") @DefaultValue("KR") String defaultRegion,
        @NotBlank @DefaultValue("ko") String defaultLanguage,
        @Min(1) @Max(100_000) @DefaultValue("1000") int chunkSize,
        @Min(0) @DefaultValue("1000000") long skipLimit,
        @Min(1) @Max(64) @DefaultValue("2") int partitions,
        @Min(1) @DefaultValue("10000") int minPartitionRows,
        @Min(1) @DefaultValue("200000") int previewRows,
        @Min(64) @Max(1_048_576) @DefaultValue("4096") int maxRowChars,
        @NotNull @DefaultValue("7d") java.time.Duration retention) {
}
