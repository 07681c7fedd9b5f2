package org.epicall.campaign.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts the contacts that claimed their number as pending, and parks the others for
 * {@link DuplicateResolver}; one JDBC batch per table and chunk. Thread-safe.
 */
class ContactWriter implements ItemWriter<CandidateContact> {

    private static final String INSERT = "INSERT INTO contact (campaign_id, contact_ref, line_number, phone_e164,"
            + " phone_key, display_name, zone_id, language, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')";
    private static final String PARK = "INSERT INTO roster_duplicate (campaign_id, contact_ref, line_number,"
            + " phone_e164, phone_key, display_name, zone_id, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    ContactWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends CandidateContact> chunk) {
        List<ImportedContact> claimed = new ArrayList<>(chunk.size());
        List<ImportedContact> parked = new ArrayList<>();
        for (CandidateContact candidate : chunk) {
            (candidate.claimed() ? claimed : parked).add(candidate.contact());
        }
        insert(INSERT, claimed);
        insert(PARK, parked);
    }

    private void insert(String sql, List<ImportedContact> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(sql, contacts, contacts.size(), (ps, c) -> {
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
    ConcurrentMap<Long, Integer> existingNumbers(String campaignId) {
        ConcurrentMap<Long, Integer> seen = new ConcurrentHashMap<>();
        jdbc.query("SELECT phone_key, line_number FROM contact WHERE campaign_id = ?",
                rs -> {
                    seen.put(rs.getLong(1), rs.getInt(2));
                }, campaignId);
        return seen;
    }
}
