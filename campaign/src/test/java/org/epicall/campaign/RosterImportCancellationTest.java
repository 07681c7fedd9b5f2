package org.epicall.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.epicall.campaign.lifecycle.CampaignRepository;
import org.epicall.campaign.lifecycle.ImportStatus;
import org.epicall.campaign.roster.ImportSummary;
import org.epicall.campaign.roster.RosterImporter;
import org.epicall.campaign.testsupport.CampaignTest;
import org.epicall.campaign.testsupport.Rosters;
import org.epicall.campaign.testsupport.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Cancelling a campaign stops its roster import, and nothing, not even a restart, resumes it. */
@CampaignTest
class RosterImportCancellationTest {

    private static final int ROWS = 40_000;

    @Autowired Campaigns campaigns;
    @Autowired CampaignRepository repository;
    @Autowired RosterImporter importer;
    @Autowired JdbcClient jdbc;

    @Test
    void cancellingACampaignStopsItsImportAndARestartDoesNotResumeIt() {
        String id = campaigns.create(new NewCampaign("to be cancelled", Rosters.QUESTIONNAIRE, "covid.yaml",
                "roster.csv", "KR", "ko"), new ByteArrayInputStream(roster().getBytes(StandardCharsets.UTF_8)), false).id();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> contacts(id) > 0);

        campaigns.cancel(id);
        await().atMost(Duration.ofSeconds(60)).until(() -> !importer.isRunning(id));
        long imported = contacts(id);

        assertThat(campaigns.get(id).importStatus()).isEqualTo(ImportStatus.CANCELLED);
        assertThat(imported).isLessThan(ROWS);

        // A process that died mid-import leaves it "running"; the restart must not pick it up again.
        repository.updateImport(id, ImportStatus.RUNNING, null, TestClockConfiguration.START);
        campaigns.resumeInterruptedImports();
        ImportSummary rerun = importer.run(id, Path.of(repository.rosterFile(id).orElseThrow()), "KR", "ko");

        assertThat(campaigns.get(id).importStatus()).isEqualTo(ImportStatus.CANCELLED);
        assertThat(rerun.completed()).isFalse();
        assertThat(contacts(id)).isEqualTo(imported);
    }

    private long contacts(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM contact WHERE campaign_id = ?").param(id).query(Long.class).single();
    }

    private static String roster() {
        StringBuilder csv = new StringBuilder("phone,name\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(String.format("010-%04d-%04d,resident %d%n", 2000 + i / 10_000, i % 10_000, i));
        }
        return csv.toString();
    }
}
