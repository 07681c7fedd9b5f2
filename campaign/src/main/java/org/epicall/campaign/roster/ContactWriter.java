package org.epicall.campaign.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Inserts the contacts that claimed their number as pending, and parks the others for
 * {@link DuplicateResolver}; one JDBC batch per table and chunk. Thread-safe.
 *
 * <p>With {@code takeTurns}, the partitions write one chunk at a time: from the write until the chunk's
 * transaction completes, others wait to write (they keep reading and validating meanwhile). That is for
 * H2, whose copy-on-write B-trees make two transactions inserting into the same indexes at once retry
 * each other's changes, costing CPU for nothing.
 */
class ContactWriter implements ItemWriter<CandidateContact> {

    private static final String INSERT = "INSERT INTO contact (campaign_id, contact_ref, line_number, phone_e164,"
            + " phone_key, display_name, zone_id, language, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')";
    private static final String PARK = "INSERT INTO roster_duplicate (campaign_id, contact_ref, line_number,"
            + " phone_e164, phone_key, display_name, zone_id, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final boolean takeTurns;
    private final ReentrantLock turn = new ReentrantLock();

    ContactWriter(JdbcTemplate jdbc, boolean takeTurns) {
        this.jdbc = jdbc;
        this.takeTurns = takeTurns;
    }

    @Override
    public void write(Chunk<? extends CandidateContact> chunk) {
        if (!takeTurns) {
            insert(chunk);
            return;
        }
        turn.lock();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            try {
                insert(chunk);
            } finally {
                turn.unlock();
            }
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                turn.unlock();
            }
        });
        insert(chunk);
    }

    /** Whether a partition has written and its chunk's transaction has not completed yet. */
    boolean turnTaken() {
        return turn.isLocked();
    }

    private void insert(Chunk<? extends CandidateContact> chunk) {
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
