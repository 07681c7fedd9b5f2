package org.epicall.campaign.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.epicall.campaign.testsupport.ThrowawayPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The import's last step on both databases it runs on: H2 and, where it can be started, PostgreSQL.
 * Rows are written through {@link ContactWriter}, as the partitions write them, in an order a
 * partitioned import can produce: a later line claimed the number before an earlier one was read.
 */
class DuplicateResolverTest {

    private static ThrowawayPostgres postgres;

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void keepsTheLowestLineOfEachNumberAndRejectsTheOthersCitingIt(String database) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(migrated(database));
        String campaign = campaign(jdbc);
        ContactWriter writer = new ContactWriter(jdbc, false);
        writer.write(new Chunk<>(
                candidate(campaign, 9, "+821010000001", "Nine", true),     // claimed first, yet line 3 comes earlier
                candidate(campaign, 5, "+821010000002", "Five", true),     // claimed first and the earliest
                candidate(campaign, 7, "+821010000003", "Seven", true)));  // no duplicate at all
        writer.write(new Chunk<>(
                candidate(campaign, 3, "+821010000001", "Three", false),
                candidate(campaign, 12, "+821010000001", "Twelve", false),
                candidate(campaign, 20, "+821010000002", "Twenty", false)));

        new DuplicateResolver(campaign, jdbc).execute(null, null);

        JdbcClient sql = JdbcClient.create(jdbc);
        assertThat(sql.sql("SELECT line_number, contact_ref, phone_e164, display_name FROM contact"
                        + " WHERE campaign_id = ? ORDER BY line_number").param(campaign)
                .query((rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4))
                .list()).containsExactly(
                "3 " + campaign + "-L3 +821010000001 Three",
                "5 " + campaign + "-L5 +821010000002 Five",
                "7 " + campaign + "-L7 +821010000003 Seven");
        assertThat(sql.sql("SELECT line_number, reason FROM roster_reject WHERE campaign_id = ? ORDER BY line_number")
                .param(campaign).query((rs, n) -> rs.getInt(1) + ": " + rs.getString(2)).list()).containsExactly(
                "9: phone +821010000001 duplicates line 3",
                "12: phone +821010000001 duplicates line 3",
                "20: phone +821010000002 duplicates line 5");
        assertThat(sql.sql("SELECT COUNT(*) FROM roster_duplicate").query(Long.class).single()).isZero();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void changesNothingWhenNoRowWasParked(String database) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(migrated(database));
        String campaign = campaign(jdbc);
        new ContactWriter(jdbc, false).write(new Chunk<>(candidate(campaign, 2, "+821010000001", "Two", true)));

        new DuplicateResolver(campaign, jdbc).execute(null, null);

        assertThat(JdbcClient.create(jdbc).sql("SELECT line_number FROM contact WHERE campaign_id = ?").param(campaign)
                .query(Integer.class).list()).containsExactly(2);
        assertThat(JdbcClient.create(jdbc).sql("SELECT COUNT(*) FROM roster_reject WHERE campaign_id = ?")
                .param(campaign).query(Long.class).single()).isZero();
    }

    private static CandidateContact candidate(String campaign, int line, String e164, String name, boolean claimed) {
        return new CandidateContact(new ImportedContact(campaign, campaign + "-L" + line, line,
                e164, name, ZoneId.of("Asia/Seoul"), "ko"), claimed);
    }

    private static String campaign(JdbcTemplate jdbc) {
        String id = "cmp-" + Long.toHexString(System.nanoTime());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update("INSERT INTO campaign (id, name, state, questionnaire_id, questionnaire_yaml, default_region,"
                + " default_language, import_status, created_at, updated_at) VALUES (?, 'dedup', 'DRAFT', 'q', 'id: q',"
                + " 'KR', 'ko', 'PENDING', ?, ?)", id, now, now);
        return id;
    }

    private static DataSource migrated(String database) throws Exception {
        SimpleDriverDataSource dataSource;
        if (database.equals("h2")) {
            Path dir = Files.createTempDirectory("epicall-dedup-");
            dataSource = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:file:" + dir.resolve("db"), "sa", "");
        } else {
            Assumptions.assumeTrue(ThrowawayPostgres.unavailableBecause().isEmpty(),
                    () -> "PostgreSQL cannot be started here: " + ThrowawayPostgres.unavailableBecause().orElseThrow());
            if (postgres == null) {
                postgres = ThrowawayPostgres.start();
            }
            dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.jdbcUrl(), "epicall", "");
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

}
