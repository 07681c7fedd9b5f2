package org.epicall.campaign.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.config.CampaignProperties;
import org.epicall.campaign.lifecycle.CampaignRepository;
import org.epicall.campaign.lifecycle.ImportStatus;
import org.epicall.campaign.testsupport.CampaignTest;
import org.epicall.campaign.testsupport.MutableClock;
import org.epicall.campaign.testsupport.Rosters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Rosters hold names and numbers as sent: kept private, and only as long as the retention says. */
@CampaignTest
class RosterRetentionTest {

    @Autowired Campaigns campaigns;
    @Autowired CampaignRepository repository;
    @Autowired RosterRetention retention;
    @Autowired CampaignProperties properties;
    @Autowired MutableClock clock;

    @Test
    void anUploadedRosterIsReadableByTheServiceOnly() throws Exception {
        Path roster = rosterOf(Rosters.imported(campaigns, "phone\n010-1000-0001\n").id());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(roster))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(roster.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(properties.storageDir())))
                .isEqualTo("rwx------");
    }

    @Test
    void deletesARosterPastItsRetentionOnceItsImportHasEnded() throws Exception {
        Instant now = clock.instant();
        Path old = rosterOf(Rosters.imported(campaigns, "phone\n010-1000-0001\n").id());
        Path recent = rosterOf(Rosters.imported(campaigns, "phone\n010-1000-0002\n").id());
        String unfinished = Rosters.imported(campaigns, "phone\n010-1000-0003\n").id();
        Path stillImporting = rosterOf(unfinished);
        repository.updateImport(unfinished, ImportStatus.RUNNING, null, now);
        Instant longAgo = now.minus(properties.roster().retention()).minus(Duration.ofHours(1));
        Files.setLastModifiedTime(old, FileTime.from(longAgo));
        Files.setLastModifiedTime(stillImporting, FileTime.from(longAgo));
        Files.setLastModifiedTime(recent, FileTime.from(now.minus(Duration.ofHours(1))));

        retention.sweep();

        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        assertThat(stillImporting).exists();
        repository.updateImport(unfinished, ImportStatus.COMPLETED, null, now);
    }

    private Path rosterOf(String campaignId) {
        return Path.of(repository.rosterFile(campaignId).orElseThrow());
    }
}
