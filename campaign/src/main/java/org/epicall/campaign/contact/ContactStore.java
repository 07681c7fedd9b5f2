package org.epicall.campaign.contact;

import static org.epicall.campaign.storage.SqlTime.instant;
import static org.epicall.campaign.storage.SqlTime.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Contact and attempt rows. Every state change is a conditional update on the state it expects, so
 * the scheduler, the sweeper and result consumers may race without ever giving a contact two
 * outstanding attempts. Thread-safe; callers provide transactions.
 */
@Repository
public class ContactStore {

    private final JdbcClient jdbc;

    public ContactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Contacts waiting for a call whose next attempt is due at {@code now}, oldest rows first. */
    public List<DueContact> due(String campaignId, Instant now, int limit) {
        return jdbc.sql("SELECT id, contact_ref, phone_e164, zone_id, language, attempts, attempts_given_back,"
                        + " attempts_today, attempts_day"
                        + " FROM contact WHERE campaign_id = ? AND state IN ('PENDING', 'RETRYING')"
                        + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id FETCH FIRST ? ROWS ONLY")
                .params(campaignId, utc(now), limit)
                .query((rs, n) -> new DueContact(rs.getLong("id"), rs.getString("contact_ref"),
                        rs.getString("phone_e164"), ZoneId.of(rs.getString("zone_id")), rs.getString("language"),
                        rs.getInt("attempts"), rs.getInt("attempts_given_back"), rs.getInt("attempts_today"),
                        rs.getObject("attempts_day", LocalDate.class)))
                .list();
    }

    /** Moves a waiting contact's next attempt to {@code until} (window closed, daily cap reached). */
    public void defer(long contactId, Instant until) {
        jdbc.sql("UPDATE contact SET next_attempt_at = ? WHERE id = ? AND state IN ('PENDING', 'RETRYING')")
                .params(utc(until), contactId).update();
    }

    /**
     * Claims a waiting contact for a new attempt and records the attempt.
     *
     * @return false if the contact was no longer waiting, or no longer as {@code contact} read it (someone else
     *         claimed, called or closed it)
     */
    public boolean claim(DueContact contact, NewAttempt attempt, LocalDate localDay) {
        int today = contact.attemptsOn(localDay) + 1;
        // Only if the contact is still as it was read: another instance may have called it meanwhile, and then the
        // attempt number, the attempt cap and the daily cap were judged on stale counts.
        int claimed = jdbc.sql("UPDATE contact SET state = 'DIALING', outstanding_attempt_id = ?, attempts = attempts + 1,"
                        + " attempts_today = ?, attempts_day = ? WHERE id = ? AND state IN ('PENDING', 'RETRYING')"
                        + " AND outstanding_attempt_id IS NULL AND attempts = ?")
                .params(attempt.attemptId(), today, localDay, contact.id(), contact.attempts()).update();
        if (claimed != 1) {
            return false;
        }
        jdbc.sql("INSERT INTO call_attempt (attempt_id, campaign_id, contact_id, attempt_number, state, dialed_at,"
                        + " not_after, sweep_at) VALUES (?, ?, ?, ?, 'OUTSTANDING', ?, ?, ?)")
                .params(attempt.attemptId(), attempt.campaignId(), contact.id(), contact.attempts() + 1,
                        utc(attempt.dialedAt()), utc(attempt.notAfter()), utc(attempt.sweepAt()))
                .update();
        return true;
    }

    /** Takes back an attempt that was never handed to a dialer, as if it had not been made. */
    public void unclaim(String attemptId, Instant retryAt) {
        jdbc.sql("UPDATE contact SET state = 'RETRYING', outstanding_attempt_id = NULL, attempts = attempts - 1,"
                        + " attempts_today = attempts_today - 1, next_attempt_at = ? WHERE outstanding_attempt_id = ?")
                .params(utc(retryAt), attemptId).update();
        jdbc.sql("UPDATE call_attempt SET state = 'UNSENT' WHERE attempt_id = ?").param(attemptId).update();
    }

    public Optional<AttemptRow> attempt(String attemptId) {
        return jdbc.sql("SELECT a.attempt_id, a.campaign_id, a.contact_id, a.state,"
                        + " c.attempts - c.attempts_given_back FROM call_attempt a"
                        + " JOIN contact c ON c.id = a.contact_id WHERE a.attempt_id = ?")
                .param(attemptId)
                .query((rs, n) -> new AttemptRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getInt(5)))
                .optional();
    }

    /** Records how an attempt ended; false if it was not in {@code expectedState}. */
    public boolean endAttempt(String attemptId, String expectedState, String newState, String outcome,
                              Integer hangupCause, Instant endedAt, String detail) {
        return jdbc.sql("UPDATE call_attempt SET state = ?, outcome = ?, hangup_cause = ?, ended_at = ?, detail = ?"
                        + " WHERE attempt_id = ? AND state = ?")
                .params(newState, outcome, hangupCause, utc(endedAt),
                        detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000)),
                        attemptId, expectedState)
                .update() == 1;
    }

    /**
     * Closes the contact's outstanding attempt and sets its next state.
     *
     * @param counted false to give the attempt back to the contact (an attempt the resident had no part in: the
     *                PBX or the campaign's setup failed), so that it does not count towards the campaign's
     *                attempts per resident; it keeps its number, and it still counts in the day's cap, so a broken
     *                server can never ring a resident more often in a day than the cap allows
     */
    public boolean settle(long contactId, String attemptId, ContactState state, Instant nextAttemptAt,
                          String lastOutcome, boolean counted) {
        return jdbc.sql("UPDATE contact SET state = ?, outstanding_attempt_id = NULL, next_attempt_at = ?,"
                        + " last_outcome = ?, attempts_given_back = attempts_given_back + ?"
                        + " WHERE id = ? AND outstanding_attempt_id = ?")
                .params(state.name(), utc(nextAttemptAt), lastOutcome, counted ? 0 : 1, contactId, attemptId)
                .update() == 1;
    }

    /** A late answer to a swept attempt still completes a contact that is not being called right now. */
    public void completeIfWaiting(long contactId) {
        jdbc.sql("UPDATE contact SET state = 'COMPLETED', last_outcome = 'ANSWERED', next_attempt_at = NULL"
                + " WHERE id = ? AND state IN ('PENDING', 'RETRYING', 'EXHAUSTED')").param(contactId).update();
    }

    /** Outstanding attempts whose time to report back has passed. */
    public List<String> overdueAttempts(Instant now, int limit) {
        return jdbc.sql("SELECT attempt_id FROM call_attempt WHERE state = 'OUTSTANDING' AND sweep_at <= ?"
                        + " ORDER BY sweep_at FETCH FIRST ? ROWS ONLY")
                .params(utc(now), limit).query(String.class).list();
    }

    /** Contacts of the campaign that are not finished. */
    public long openContacts(String campaignId) {
        return jdbc.sql("SELECT COUNT(*) FROM contact WHERE campaign_id = ? AND state IN ('PENDING', 'DIALING', 'RETRYING')")
                .param(campaignId).query(Long.class).single();
    }

    public CampaignProgress progress(String campaignId) {
        long[] byState = new long[ContactState.values().length];
        jdbc.sql("SELECT state, COUNT(*) FROM contact WHERE campaign_id = ? GROUP BY state").param(campaignId)
                .query(rs -> {
                    byState[ContactState.valueOf(rs.getString(1)).ordinal()] = rs.getLong(2);
                });
        long dialed = jdbc.sql("SELECT COUNT(*) FROM call_attempt WHERE campaign_id = ? AND state <> 'UNSENT'")
                .param(campaignId).query(Long.class).single();
        long answered = jdbc.sql("SELECT COUNT(*) FROM call_attempt WHERE campaign_id = ? AND outcome = 'ANSWERED'")
                .param(campaignId).query(Long.class).single();
        long flagged = jdbc.sql("SELECT COUNT(*) FROM survey_result WHERE campaign_id = ? AND triage_flags <> ''")
                .param(campaignId).query(Long.class).single();
        long total = 0;
        for (long n : byState) {
            total += n;
        }
        return new CampaignProgress(campaignId, total, byState[ContactState.PENDING.ordinal()],
                byState[ContactState.DIALING.ordinal()], byState[ContactState.RETRYING.ordinal()],
                byState[ContactState.COMPLETED.ordinal()], byState[ContactState.FAILED.ordinal()],
                byState[ContactState.EXHAUSTED.ordinal()], dialed, answered, flagged);
    }

    /** Each contact's number by its reference, for audits across campaigns. */
    public java.util.Map<String, String> phoneNumbers(String campaignId) {
        java.util.Map<String, String> numbers = new java.util.HashMap<>();
        jdbc.sql("SELECT contact_ref, phone_e164 FROM contact WHERE campaign_id = ?").param(campaignId)
                .query(rs -> {
                    numbers.put(rs.getString(1), rs.getString(2));
                });
        return numbers;
    }

    /** Attempts of one contact in order, for audits and tests. */
    public List<AttemptView> attemptsOf(String contactRef) {
        return jdbc.sql("SELECT a.attempt_id, a.attempt_number, a.state, a.dialed_at, a.not_after, a.outcome"
                        + " FROM call_attempt a JOIN contact c ON c.id = a.contact_id WHERE c.contact_ref = ?"
                        + " ORDER BY a.attempt_number, a.dialed_at")
                .param(contactRef)
                .query((rs, n) -> new AttemptView(rs.getString(1), rs.getInt(2), rs.getString(3),
                        instant(rs, "dialed_at"), instant(rs, "not_after"), rs.getString(6)))
                .list();
    }

    /**
     * How many attempts of the campaign a dialer node refused to place (outcome {@code REFUSED}: nothing was
     * dialed, e.g. it could not load the questionnaire), and the latest of them with the node's reason.
     */
    public Refusals refusals(String campaignId, int latest) {
        long count = jdbc.sql("SELECT COUNT(*) FROM call_attempt WHERE campaign_id = ? AND outcome = 'REFUSED'")
                .param(campaignId).query(Long.class).single();
        List<Refusal> refusals = count == 0 ? List.of() : jdbc.sql("SELECT attempt_id, ended_at, detail"
                        + " FROM call_attempt WHERE campaign_id = ? AND outcome = 'REFUSED'"
                        + " ORDER BY ended_at DESC, attempt_id FETCH FIRST ? ROWS ONLY")
                .params(campaignId, latest)
                .query((rs, n) -> new Refusal(rs.getString(1), instant(rs, "ended_at"), rs.getString(3)))
                .list();
        return new Refusals(count, refusals);
    }

    public Optional<ContactView> contact(String contactRef) {
        return jdbc.sql("SELECT contact_ref, campaign_id, line_number, zone_id, language, state, attempts, next_attempt_at,"
                        + " last_outcome FROM contact WHERE contact_ref = ?")
                .param(contactRef)
                .query((rs, n) -> new ContactView(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), ContactState.valueOf(rs.getString(6)), rs.getInt(7),
                        instant(rs, "next_attempt_at"), rs.getString(9)))
                .optional();
    }

    /**
     * An attempt joined with its contact's attempt count: the attempts that count towards the campaign's attempts
     * per resident (made, less those given back), this one included.
     */
    public record AttemptRow(String attemptId, String campaignId, long contactId, String state, int contactAttempts) {
    }

    /** An attempt as audits see it. */
    public record AttemptView(String attemptId, int attemptNumber, String state, Instant dialedAt, Instant notAfter,
                              String outcome) {
    }

    /** Attempts a dialer node refused: how many, and the latest. */
    public record Refusals(long count, List<Refusal> latest) {
    }

    /** One refused attempt: when the node reported it, and why it would not place the call. */
    public record Refusal(String attemptId, Instant at, String reason) {
    }

    /** A contact without its phone number. */
    public record ContactView(String contactRef, String campaignId, int lineNumber, String zone, String language,
                              ContactState state, int attempts, Instant nextAttemptAt, String lastOutcome) {
    }

    /**
     * An attempt about to be handed to a dialer.
     *
     * @param sweepAt when it may be swept if it never reports back
     */
    public record NewAttempt(String attemptId, String campaignId, Instant dialedAt, Instant notAfter, Instant sweepAt) {
    }
}
