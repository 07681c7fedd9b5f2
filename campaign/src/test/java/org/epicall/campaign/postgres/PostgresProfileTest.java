package org.epicall.campaign.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.NewCampaign;
import org.epicall.campaign.audit.AuditAction;
import org.epicall.campaign.audit.AuditEvent;
import org.epicall.campaign.audit.AuditLog;
import org.epicall.campaign.lifecycle.Campaign;
import org.epicall.campaign.lifecycle.CampaignState;
import org.epicall.campaign.lifecycle.ImportStatus;
import org.epicall.campaign.schedule.AttemptResultHandler;
import org.epicall.campaign.schedule.DialScheduler;
import org.epicall.campaign.testsupport.MutableClock;
import org.epicall.campaign.testsupport.RecordingDialRequests;
import org.epicall.campaign.testsupport.RecordingPublisherConfiguration;
import org.epicall.campaign.testsupport.Rosters;
import org.epicall.campaign.testsupport.TestClockConfiguration;
import org.epicall.campaign.testsupport.ThrowawayPostgres;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.DialRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code postgres} profile against a real PostgreSQL started for this class: schema, Spring Batch
 * job repository, roster import and scheduling all on PostgreSQL.
 */
@SpringBootTest(properties = "epicall.campaign.storage-dir=./target/test-data/${random.uuid}")
@ActiveProfiles({"test", "postgres"})
@Import({TestClockConfiguration.class, RecordingPublisherConfiguration.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@EnabledIf(value = "postgresAvailable", disabledReason = "PostgreSQL cannot be started here; see the log line above")
class PostgresProfileTest {

    private static ThrowawayPostgres postgres;

    @Autowired Campaigns campaigns;
    @Autowired DialScheduler scheduler;
    @Autowired RecordingDialRequests dialer;
    @Autowired AttemptResultHandler results;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired AuditLog audit;

    static boolean postgresAvailable() {
        return ThrowawayPostgres.unavailableBecause().map(reason -> {
            System.err.println("Skipping PostgresProfileTest: " + reason);
            return false;
        }).orElse(true);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        postgres = ThrowawayPostgres.start();
        registry.add("spring.datasource.url", postgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "epicall");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void importsTheRosterAndRunsTheCampaignOnPostgres() {
        clock.set(Instant.parse("2026-03-09T01:00:00Z"));
        Campaign campaign = campaigns.create(new NewCampaign("pg", Rosters.QUESTIONNAIRE, "covid.yaml", "roster.csv",
                        "KR", "ko"),
                new ByteArrayInputStream("\uFEFFphone,name\n010-1000-0001,\"Kim, M\"\n010-12,bad\n010-1000-0002,Lee\n"
                        .getBytes(StandardCharsets.UTF_8)), true);

        assertThat(campaign.importStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(campaigns.rejects(campaign.id(), 0, 10)).extracting(Object::toString)
                .containsExactly("line 3: phone '010-12' is not a valid KR number");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM batch_job_execution WHERE status = 'COMPLETED'")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");

        campaigns.start(campaign.id());
        scheduler.tick();
        List<DialRequest> calls = dialer.drain().stream().filter(r -> r.campaignId().equals(campaign.id())).toList();
        for (DialRequest call : calls) {
            Instant now = clock.instant();
            results.attemptFinished(new AttemptResult(call.attemptId(), call.campaignId(), call.contactRef(),
                    CallOutcome.ANSWERED, 16, "pbx-1", now, now, now, ""));
        }

        assertThat(calls).hasSize(2);
        assertThat(campaigns.get(campaign.id()).state()).isEqualTo(CampaignState.COMPLETED);
        assertThat(campaigns.progress(campaign.id()).completed()).isEqualTo(2);
        assertThat(audit.list(campaign.id(), 0, 10)).extracting(AuditEvent::action)
                .containsExactly(AuditAction.CAMPAIGN_STARTED, AuditAction.CAMPAIGN_CREATED);
    }
}
