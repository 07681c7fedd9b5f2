package org.epicall.campaign.roster;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rejects report: one row per skipped roster line. Thread-safe. */
@Repository
public class RosterRejects {

    private final JdbcClient jdbc;

    public RosterRejects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String campaignId, int lineNumber, String reason) {
        jdbc.sql("INSERT INTO roster_reject (campaign_id, line_number, reason) VALUES (?, ?, ?)")
                .params(campaignId, lineNumber, reason.length() > 2000 ? reason.substring(0, 2000) : reason)
                .update();
    }

    /** The rejects of a campaign in line order, at most {@code limit} from {@code offset}. */
    public List<RosterReject> list(String campaignId, int offset, int limit) {
        return jdbc.sql("SELECT line_number, reason FROM roster_reject WHERE campaign_id = ?"
                        + " ORDER BY line_number OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(campaignId, offset, limit)
                .query((rs, n) -> new RosterReject(rs.getInt(1), rs.getString(2)))
                .list();
    }

    public long count(String campaignId) {
        return jdbc.sql("SELECT COUNT(*) FROM roster_reject WHERE campaign_id = ?").param(campaignId)
                .query(Long.class).single();
    }
}
