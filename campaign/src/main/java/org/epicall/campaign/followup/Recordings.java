package org.epicall.campaign.followup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.epicall.campaign.config.CampaignProperties;
import org.springframework.stereotype.Component;

/**
 * Finds the recording of a resident's answer. A dialer reports where it wrote the file on its own
 * disk; this service reaches the dialers' recordings directory through its own path to it
 * ({@code epicall.campaign.follow-up.recordings-dir}, a shared volume in production), where dialers
 * keep each campaign's recordings in a directory of its own. Only a plain file name from the report is
 * used, so no report can point this service at another file. Thread-safe.
 */
@Component
class Recordings {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]+\\.wav");
    private static final Pattern CAMPAIGN_ID = Pattern.compile("[A-Za-z0-9_-]+");

    private final Path root;

    Recordings(CampaignProperties properties) {
        this.root = properties.followUp().recordingsDir().toAbsolutePath().normalize();
    }

    /** Where recordings are looked for, for messages. */
    Path root() {
        return root;
    }

    /**
     * The recording file, if the reported path names one this service can read.
     *
     * @param campaignId campaign of the call
     * @param reported   the path the dialer reported, or {@code null} when it kept none
     */
    Optional<Path> find(String campaignId, String reported) {
        if (reported == null || !CAMPAIGN_ID.matcher(campaignId).matches()) {
            return Optional.empty();
        }
        Path name = Path.of(reported).getFileName();
        if (name == null || !FILE_NAME.matcher(name.toString()).matches()) {
            return Optional.empty();
        }
        Path file = root.resolve(campaignId).resolve(name.toString()).normalize();
        return file.startsWith(root) && Files.isRegularFile(file) && Files.isReadable(file)
                ? Optional.of(file) : Optional.empty();
    }
}
