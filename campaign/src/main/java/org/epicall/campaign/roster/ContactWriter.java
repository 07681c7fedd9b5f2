package org.epicall.campaign.roster;

import java.util.HashMap;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/** Inserts imported contacts as pending, one JDBC batch per chunk. Thread-safe. */
class ContactWriter implements ItemWriter<ImportedContact> {

    private static final String INSERT = "INSERT INTO contact (campaign_id, contact_ref, line_number, phone_e164,"
            + " phone_key, display_name, zone_id, language, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')";

    private final JdbcTemplate jdbc;

    ContactWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends ImportedContact> chunk) {
        jdbc.batchUpdate(INSERT, chunk.getItems(), chunk.size(), (ps, c) -> {
            ps.setString(1, c.campaignId());
            ps.setString(2, c.contactRef());
            ps.setInt(3, c.lineNumber());
            ps.setString(4, c.phoneE164());
            ps.setLong(5, PhoneNumbers.key(c.phoneE164()));
            ps.setString(6, c.name());
            ps.setString(7, c.zone().getId());
            ps.setString(8, c.language());
        });
    }

    /** Numbers already stored for the campaign (from an interrupted earlier run), with their lines. */
    Map<Long, Integer> existingNumbers(String campaignId) {
        Map<Long, Integer> seen = new HashMap<>();
        jdbc.query("SELECT phone_key, line_number FROM contact WHERE campaign_id = ?",
                rs -> {
                    seen.put(rs.getLong(1), rs.getInt(2));
                }, campaignId);
        return seen;
    }
}
