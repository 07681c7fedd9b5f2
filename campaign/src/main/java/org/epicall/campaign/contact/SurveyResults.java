package org.epicall.campaign.contact;

import static org.epicall.campaign.storage.SqlTime.instant;
import static org.epicall.campaign.storage.SqlTime.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.epicall.survey.call.SurveyResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finished surveys as the campaign service keeps them for its API and dashboard (Kafka keeps the
 * authoritative stream). Idempotent per attempt; thread-safe.
 */
@Repository
public class SurveyResults {

    private static final TypeReference<List<Map<String, Object>>> ANSWERS = new TypeReference<>() {
    };

    private static final String RESULT_COLUMNS = "attempt_id, contact_ref, status, triage_flags, answers_json, ended_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public SurveyResults(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a finished survey; storing the same attempt again is ignored. Returns whether it was new. */
    public boolean save(SurveyResponse response) {
        try {
            return jdbc.sql("INSERT INTO survey_result (attempt_id, campaign_id, contact_ref, status, triage_flags,"
                            + " answers_json, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(response.attemptId(), response.campaignId(), response.contactRef(),
                            response.status().name(), String.join(",", response.triageFlags()),
                            json.writeValueAsString(response.answers()), utc(response.endedAt()))
                    .update() == 1;
        } catch (DuplicateKeyException alreadyStored) {
            return false;
        }
    }

    /** Results of a campaign, newest first. */
    public List<StoredResult> list(String campaignId, int offset, int limit) {
        return jdbc.sql("SELECT " + RESULT_COLUMNS + " FROM survey_result"
                        + " WHERE campaign_id = ? ORDER BY ended_at DESC, attempt_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(campaignId, offset, limit)
                .query(this::storedResult)
                .list();
    }

    /** Residents with triage flags who have not been followed up yet, newest first. */
    public List<FlaggedResident> flagged(String campaignId) {
        return flagged(campaignId, null, FollowUpStatus.AWAITING);
    }

    /**
     * Flagged residents, newest survey first.
     *
     * @param flag   only residents with this triage flag, or {@code null} for every flag
     * @param status awaiting a call back, followed up, or both
     */
    public List<FlaggedResident> flagged(String campaignId, String flag, FollowUpStatus status) {
        String followedUp = switch (status) {
            case AWAITING -> " AND c.followed_up_at IS NULL";
            case FOLLOWED_UP -> " AND c.followed_up_at IS NOT NULL";
            case ALL -> "";
        };
        // Flags are stored comma-joined; framing both sides in commas matches whole flag ids only.
        String byFlag = flag == null ? "" : " AND (',' || r.triage_flags || ',') LIKE :flag ESCAPE '\\'";
        var query = jdbc.sql("SELECT c.contact_ref, c.display_name, c.phone_e164, c.language, r.triage_flags,"
                        + " r.ended_at, c.followed_up_at"
                        + " FROM survey_result r JOIN contact c ON c.contact_ref = r.contact_ref"
                        + " WHERE r.campaign_id = :campaign AND r.triage_flags <> ''" + followedUp + byFlag
                        + " ORDER BY r.ended_at DESC, r.attempt_id")
                .param("campaign", campaignId);
        if (flag != null) {
            query = query.param("flag", "%," + flag.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + ",%");
        }
        return query.query((rs, n) -> new FlaggedResident(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), flags(rs.getString(5)), instant(rs, "ended_at"),
                        instant(rs, "followed_up_at")))
                .list();
    }

    /** A resident of a campaign as officials call them back, or empty if the campaign has no such contact. */
    public Optional<Resident> resident(String campaignId, String contactRef) {
        return jdbc.sql("SELECT contact_ref, display_name, phone_e164, language, followed_up_at FROM contact"
                        + " WHERE campaign_id = ? AND contact_ref = ?")
                .params(campaignId, contactRef)
                .query((rs, n) -> new Resident(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, "followed_up_at")))
                .optional();
    }

    /** The surveys of one resident of a campaign, newest first. */
    public List<StoredResult> resultsOf(String campaignId, String contactRef) {
        return jdbc.sql("SELECT " + RESULT_COLUMNS + " FROM survey_result"
                        + " WHERE campaign_id = ? AND contact_ref = ? ORDER BY ended_at DESC, attempt_id")
                .params(campaignId, contactRef)
                .query(this::storedResult)
                .list();
    }

    /** Marks a flagged resident as followed up; returns false if there is no such contact in the campaign. */
    public boolean markFollowedUp(String campaignId, String contactRef, Instant at) {
        return jdbc.sql("UPDATE contact SET followed_up_at = ? WHERE campaign_id = ? AND contact_ref = ?")
                .params(utc(at), campaignId, contactRef).update() == 1;
    }

    /**
     * How often each answer was given, per question, over the campaign's results. Yes/no answers count
     * as {@code yes}/{@code no}, choices count once per option, and unanswered questions as
     * {@code (no answer)}.
     */
    public Map<String, Map<String, Long>> answerDistribution(String campaignId) {
        Map<String, Map<String, Long>> distribution = new LinkedHashMap<>();
        jdbc.sql("SELECT answers_json FROM survey_result WHERE campaign_id = ?").param(campaignId)
                .query(rs -> {
                    for (Map<String, Object> answer : json.readValue(rs.getString(1), ANSWERS)) {
                        Map<String, Long> counts = distribution.computeIfAbsent(
                                String.valueOf(answer.get("questionId")), q -> new TreeMap<>());
                        for (String label : labels(answer.get("value"))) {
                            counts.merge(label, 1L, Long::sum);
                        }
                    }
                });
        return distribution;
    }

    /** An answer's value as words: yes/no, each option id, a plain number, or {@code (no answer)}. */
    public static List<String> labels(Object value) {
        return switch (value) {
            case null -> List.of("(no answer)");
            case Boolean b -> List.of(b ? "yes" : "no");
            case Collection<?> options -> options.stream().map(String::valueOf).toList();
            case BigDecimal number -> List.of(number.stripTrailingZeros().toPlainString());
            default -> List.of(String.valueOf(value));
        };
    }

    private StoredResult storedResult(ResultSet rs, int row) throws SQLException {
        return new StoredResult(rs.getString("attempt_id"), rs.getString("contact_ref"), rs.getString("status"),
                flags(rs.getString("triage_flags")), json.readValue(rs.getString("answers_json"), ANSWERS),
                instant(rs, "ended_at"));
    }

    private static List<String> flags(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : new ArrayList<>(List.of(joined.split(",")));
    }

    /** One stored survey. Answers are kept as the JSON objects of {@code AnsweredQuestion}. */
    public record StoredResult(String attemptId, String contactRef, String status, List<String> triageFlags,
                               List<Map<String, Object>> answers, Instant endedAt) {
    }

    /**
     * A flagged resident to call back.
     *
     * @param followedUpAt when an official recorded the call back, or {@code null} while it is awaited
     */
    public record FlaggedResident(String contactRef, String name, String phone, String language,
                                  List<String> triageFlags, Instant surveyedAt, Instant followedUpAt) {
    }

    /**
     * A resident as officials call them back.
     *
     * @param name         name from the roster, or {@code null}
     * @param phone        E.164 number
     * @param language     language of the calls
     * @param followedUpAt when an official recorded a call back, or {@code null}
     */
    public record Resident(String contactRef, String name, String phone, String language, Instant followedUpAt) {
    }
}
