package org.epicall.campaign.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Partitions writing to H2 take turns: a chunk holds the turn from its write until its transaction ends. */
class ContactWriterTest {

    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;
    private ContactWriter writer;
    private String campaign;

    @BeforeEach
    void database() throws Exception {
        Path dir = Files.createTempDirectory("epicall-writer-");
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:file:" + dir.resolve("db"), "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        writer = new ContactWriter(jdbc, true);
        campaign = "cmp-writer";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update("INSERT INTO campaign (id, name, state, questionnaire_id, questionnaire_yaml, default_region,"
                + " default_language, import_status, created_at, updated_at) VALUES (?, 'w', 'DRAFT', 'q', 'id: q',"
                + " 'KR', 'ko', 'PENDING', ?, ?)", campaign, now, now);
    }

    @Test
    void holdsTheTurnFromTheWriteUntilTheChunkCommits() {
        transactions.executeWithoutResult(status -> {
            writer.write(chunk(2));
            assertThat(writer.turnTaken()).isTrue();
        });

        assertThat(writer.turnTaken()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact", Long.class)).isEqualTo(1);
    }

    @Test
    void givesTheTurnBackWhenTheChunkRollsBack() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            writer.write(chunk(2));
            throw new IllegalStateException("chunk failed after its write");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(writer.turnTaken()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact", Long.class)).isZero();
    }

    @Test
    void aChunkWrittenAgainInItsTransactionGivesTheTurnBackOnce() {
        transactions.executeWithoutResult(status -> {
            // Spring Batch's scan after a failed write writes the chunk item by item in one transaction.
            writer.write(chunk(2));
            writer.write(chunk(3));
        });

        assertThat(writer.turnTaken()).isFalse();
    }

    @Test
    void writesOutsideATransactionHoldTheTurnOnlyForTheWrite() {
        writer.write(chunk(2));

        assertThat(writer.turnTaken()).isFalse();
    }

    private Chunk<CandidateContact> chunk(int line) {
        return new Chunk<>(new CandidateContact(new ImportedContact(campaign, campaign + "-L" + line,
                line, "+82101000000" + line, "resident", ZoneId.of("Asia/Seoul"), "ko"), true));
    }
}
