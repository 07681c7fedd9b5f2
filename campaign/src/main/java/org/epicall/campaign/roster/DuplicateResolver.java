package org.epicall.campaign.roster;

import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import's last step: settles the rows parked as duplicates, in one transaction. Of all the rows
 * with one number, the one on the lowest line is the contact; every other is rejected as a duplicate of
 * that line. So the outcome is the one reading the roster top to bottom gives, whatever order the
 * partitions ran in. Portable SQL (H2 and PostgreSQL); run again after a crash, it finds the same rows.
 * Costs nothing when no row was parked.
 */
class DuplicateResolver implements Tasklet {

    private final String campaignId;
    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    DuplicateResolver(String campaignId, JdbcTemplate jdbcTemplate) {
        this.campaignId = campaignId;
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = JdbcClient.create(jdbcTemplate);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (jdbc.sql("SELECT COUNT(*) FROM roster_duplicate WHERE campaign_id = ?").param(campaignId)
                .query(Long.class).single() == 0) {
            return RepeatStatus.FINISHED;
        }
        // The first line of each parked number: the lowest parked one, unless the contact's is lower.
        update("UPDATE roster_duplicate d SET first_line = (SELECT MIN(x.line_number) FROM roster_duplicate x"
                + " WHERE x.campaign_id = d.campaign_id AND x.phone_key = d.phone_key) WHERE d.campaign_id = ?");
        update("UPDATE roster_duplicate d SET first_line = (SELECT c.line_number FROM contact c"
                + " WHERE c.campaign_id = d.campaign_id AND c.phone_key = d.phone_key)"
                + " WHERE d.campaign_id = ? AND EXISTS (SELECT 1 FROM contact c WHERE c.campaign_id = d.campaign_id"
                + " AND c.phone_key = d.phone_key AND c.line_number < d.first_line)");
        // The reasons read as RosterReject.duplicateReason writes them for a preview.
        update("INSERT INTO roster_reject (campaign_id, line_number, reason)"
                + " SELECT d.campaign_id, d.line_number, 'phone ' || d.phone_e164 || ' duplicates line '"
                + " || CAST(d.first_line AS VARCHAR(11)) FROM roster_duplicate d"
                + " WHERE d.campaign_id = ? AND d.line_number <> d.first_line");
        // A contact whose number comes earlier in the roster is a duplicate itself: the earlier row takes its place.
        update("INSERT INTO roster_reject (campaign_id, line_number, reason)"
                + " SELECT c.campaign_id, c.line_number, 'phone ' || c.phone_e164 || ' duplicates line '"
                + " || CAST(d.line_number AS VARCHAR(11))"
                + " FROM roster_duplicate d JOIN contact c ON c.campaign_id = d.campaign_id AND c.phone_key = d.phone_key"
                + " WHERE d.campaign_id = ? AND d.line_number = d.first_line");
        // By primary key: a set-based UPDATE of contact can make a planner walk all the campaign's contacts.
        List<Object[]> takeovers = jdbc.sql("SELECT d.line_number, d.contact_ref, d.display_name, d.zone_id,"
                        + " d.language, c.id FROM roster_duplicate d"
                        + " JOIN contact c ON c.campaign_id = d.campaign_id AND c.phone_key = d.phone_key"
                        + " WHERE d.campaign_id = ? AND d.line_number = d.first_line")
                .param(campaignId)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6)})
                .list();
        jdbcTemplate.batchUpdate("UPDATE contact SET line_number = ?, contact_ref = ?, display_name = ?, zone_id = ?,"
                + " language = ? WHERE id = ?", takeovers);
        update("DELETE FROM roster_duplicate WHERE campaign_id = ?");
        return RepeatStatus.FINISHED;
    }

    private void update(String sql) {
        jdbc.sql(sql).param(campaignId).update();
    }
}
