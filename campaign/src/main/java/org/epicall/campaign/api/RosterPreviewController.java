package org.epicall.campaign.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.epicall.campaign.config.CampaignProperties;
import org.epicall.campaign.roster.RosterFormatException;
import org.epicall.campaign.roster.RosterPreview;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A dry run of the roster import, for officials to check a roster before a campaign is created with it. */
@RestController
@Tag(name = "Campaigns")
class RosterPreviewController {

    private final RosterPreview preview;
    private final CampaignProperties properties;

    RosterPreviewController(RosterPreview preview, CampaignProperties properties) {
        this.preview = preview;
        this.properties = properties;
    }

    @PostMapping(path = "/api/rosters/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Check a roster as the import would, storing nothing (OFFICIAL)",
            description = "Runs the import's own validation (numbers, time zones, languages, the do-not-call list,"
                    + " duplicates) and answers with the first rows as they will be imported, the counts, and the"
                    + " rejects with line and reason. Rows and reasons quote the roster's values, so only OFFICIAL"
                    + " may ask. A file that cannot be a roster at all gets the same 400 as creating a campaign.")
    RosterPreview.Result preview(
            @RequestPart("roster") MultipartFile roster,
            @Parameter(description = "region for numbers without country code, e.g. KR")
            @RequestParam(name = "region", required = false) String region,
            @Parameter(description = "language for rows without one, e.g. ko")
            @RequestParam(name = "language", required = false) String language) throws IOException {
        Path file = store(roster);
        try {
            return preview.preview(file, region == null ? properties.roster().defaultRegion() : region,
                    language == null ? properties.roster().defaultLanguage() : language);
        } catch (RosterFormatException e) {
            throw e.in(roster.getOriginalFilename() == null ? "roster.csv" : roster.getOriginalFilename());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Path store(MultipartFile roster) {
        try {
            Path dir = properties.storageDir().resolve("previews");
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, "roster-", ".csv");
            try (InputStream in = roster.getInputStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the roster for its preview under " + properties.storageDir(), e);
        }
    }
}
