package org.epicall.campaign.schedule;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.epicall.campaign.config.CampaignProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each campaign's schedule, kept with the campaign. A schedule never changes once stored, so it is
 * read from the database once per campaign. A campaign stored before campaigns had schedules of their
 * own follows the service's defaults. Thread-safe.
 */
@Repository
public class CampaignSchedules {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CampaignSchedule defaults;
    private final Map<String, CampaignSchedule> cache = new ConcurrentHashMap<>();

    CampaignSchedules(JdbcClient jdbc, JsonMapper json, CampaignProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.defaults = CampaignSchedule.defaults(properties.schedule());
    }

    /** The schedule a campaign gets when its official changes nothing. */
    public CampaignSchedule defaults() {
        return defaults;
    }

    /** Stores the schedule of a campaign just inserted; call in the transaction that inserted it. */
    public void save(String campaignId, CampaignSchedule schedule) {
        jdbc.sql("UPDATE campaign SET schedule_json = ? WHERE id = ?")
                .params(json.writeValueAsString(schedule), campaignId).update();
    }

    /** The campaign's schedule; the defaults for a campaign without one (or none at all). */
    public CampaignSchedule of(String campaignId) {
        CampaignSchedule known = cache.get(campaignId);
        if (known != null) {
            return known;
        }
        CampaignSchedule stored = jdbc.sql("SELECT schedule_json FROM campaign WHERE id = ?").param(campaignId)
                .query(String.class).list().stream()
                .filter(Objects::nonNull)
                .map(text -> json.readValue(text, CampaignSchedule.class))
                .findFirst().orElse(null);
        if (stored == null) {
            return defaults;
        }
        cache.putIfAbsent(campaignId, stored);
        return stored;
    }
}
