package org.epicall.campaign.audit;

import static org.epicall.campaign.storage.SqlTime.instant;
import static org.epicall.campaign.storage.SqlTime.utc;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;

/**
 * The audit log, kept in the campaign database: append-only, newest first when read. The actor is the
 * user signed in on the current thread, so callers record what happened, not who did it. Record inside
 * the transaction of the action itself, so that the two commit or roll back together. Thread-safe.
 */
@Repository
public class AuditLog {

    /** The actor of what the service does on its own, or is asked to do by code without a signed-in user. */
    public static final String SYSTEM = "system";
    private static final int MAX_DETAIL = 1000;
    private static final int MAX_SUBJECT = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an action of the current user.
     *
     * @param campaignId campaign concerned, or {@code null}
     * @param subject    contactRef, prompt or other thing acted on, or {@code null}
     * @param detail     free text without personal data, or {@code null}
     */
    public void record(AuditAction action, String campaignId, String subject, String detail) {
        jdbc.sql("INSERT INTO audit_event (occurred_at, actor, action, campaign_id, subject, detail)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(utc(clock.instant()), actor(), action.name(), campaignId, cut(subject, MAX_SUBJECT),
                        cut(detail, MAX_DETAIL))
                .update();
    }

    /** Entries newest first, of one campaign or (with {@code null}) of all, at most {@code limit} from {@code offset}. */
    public List<AuditEvent> list(String campaignId, int offset, int limit) {
        String where = campaignId == null ? "" : " WHERE campaign_id = :campaign";
        var statement = jdbc.sql("SELECT id, occurred_at, actor, action, campaign_id, subject, detail FROM audit_event"
                + where + " ORDER BY id DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .param("offset", offset).param("limit", limit);
        if (campaignId != null) {
            statement = statement.param("campaign", campaignId);
        }
        return statement.query((rs, n) -> new AuditEvent(rs.getLong("id"), instant(rs, "occurred_at"),
                rs.getString("actor"), AuditAction.valueOf(rs.getString("action")), rs.getString("campaign_id"),
                rs.getString("subject"), rs.getString("detail"))).list();
    }

    private static String actor() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null || !user.isAuthenticated() ? SYSTEM : user.getName();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
