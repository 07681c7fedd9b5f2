package org.epicall.campaign.contact;

import static org.epicall.campaign.storage.SqlTime.utc;

import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who may call a phone number now, across campaigns: at most one attempt of any campaign holds a number
 * at a time, and after an attempt of one campaign ends, another campaign may call the number only
 * {@code gap} later (the same campaign follows its own retry delays). A resident on two rosters is
 * therefore never in two calls at once, nor called by a second campaign minutes after the first.
 * Thread-safe; callers provide transactions (take the lock in the claim's transaction).
 */
@Repository
public class NumberLocks {

    private final JdbcClient jdbc;

    public NumberLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the number for an attempt.
     *
     * @param gap the least time since another campaign's last call to the number
     * @return false if another attempt holds it, or another campaign called it less than {@code gap} ago
     */
    public boolean lock(long phoneKey, String attemptId, String campaignId, Instant now, Duration gap) {
        int taken = jdbc.sql("UPDATE number_lock SET attempt_id = ?, campaign_id = ? WHERE phone_key = ?"
                        + " AND attempt_id IS NULL AND (campaign_id = ? OR released_at IS NULL OR released_at <= ?)")
                .params(attemptId, campaignId, phoneKey, campaignId, utc(now.minus(gap))).update();
        if (taken == 1) {
            return true;
        }
        boolean known = jdbc.sql("SELECT COUNT(*) FROM number_lock WHERE phone_key = ?").param(phoneKey)
                .query(Long.class).single() > 0;
        if (known) {
            return false;
        }
        // First call to this number ever; a concurrent first claim elsewhere fails on the primary key.
        jdbc.sql("INSERT INTO number_lock (phone_key, attempt_id, campaign_id) VALUES (?, ?, ?)")
                .params(phoneKey, attemptId, campaignId).update();
        return true;
    }

    /** The attempt has ended (reported or swept): the number is free, the gap counting from {@code at}. */
    public void release(String attemptId, Instant at) {
        jdbc.sql("UPDATE number_lock SET attempt_id = NULL, released_at = ? WHERE attempt_id = ?")
                .params(utc(at), attemptId).update();
    }

    /** The attempt was never handed to a dialer: the number is free as if it had not been taken. */
    public void unlock(String attemptId) {
        jdbc.sql("UPDATE number_lock SET attempt_id = NULL WHERE attempt_id = ?").param(attemptId).update();
    }
}
