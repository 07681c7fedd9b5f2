package org.epicall.campaign.roster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.epicall.campaign.config.CampaignProperties;
import org.epicall.campaign.lifecycle.Campaign;
import org.epicall.campaign.lifecycle.CampaignRepository;
import org.epicall.campaign.lifecycle.ImportStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes uploaded roster files (names and numbers as the official sent them) once their import has
 * ended and {@code epicall.campaign.roster.retention} has passed since the upload. A roster whose import
 * may still resume is kept. Runs hourly; thread-safe.
 */
@Component
public class RosterRetention {

    private static final Logger log = LoggerFactory.getLogger(RosterRetention.class);

    private final CampaignRepository campaigns;
    private final CampaignProperties properties;
    private final Clock clock;

    RosterRetention(CampaignRepository campaigns, CampaignProperties properties, Clock clock) {
        this.campaigns = campaigns;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void hourly() {
        sweep();
    }

    /** @return roster files deleted */
    public int sweep() {
        Instant before = clock.instant().minus(properties.roster().retention());
        int deleted = 0;
        for (Campaign campaign : campaigns.findAll()) {
            if (campaign.importStatus() == ImportStatus.PENDING || campaign.importStatus() == ImportStatus.RUNNING) {
                continue;
            }
            Path file = campaigns.rosterFile(campaign.id()).map(Path::of).orElse(null);
            try {
                if (file != null && Files.exists(file) && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    Files.delete(file);
                    deleted++;
                    log.info("campaign {}: roster file deleted, {} after upload", campaign.id(),
                            properties.roster().retention());
                }
            } catch (IOException e) {
                log.warn("campaign {}: could not delete the roster file {}: {}", campaign.id(), file, e.getMessage());
            }
        }
        return deleted;
    }
}
