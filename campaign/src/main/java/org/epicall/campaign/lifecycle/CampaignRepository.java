package org.epicall.campaign.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import static org.epicall.campaign.storage.SqlTime.instant;
import static org.epicall.campaign.storage.SqlTime.utc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaign rows. Thread-safe; callers provide transactions. */
@Repository
public class CampaignRepository {

    private static final String COLUMNS = "id, name, state, questionnaire_id, default_region, default_language,"
            + " import_status, import_detail, created_at, updated_at";

    private final JdbcClient jdbc;

    public CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Campaign campaign, String questionnaireYaml, String rosterFile) {
        jdbc.sql("INSERT INTO campaign (id, name, state, questionnaire_id, questionnaire_yaml, default_region,"
                        + " default_language, roster_file, import_status, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(campaign.id(), campaign.name(), campaign.state().name(), campaign.questionnaireId(),
                        questionnaireYaml, campaign.defaultRegion(), campaign.defaultLanguage(), rosterFile,
                        campaign.importStatus().name(), utc(campaign.createdAt()), utc(campaign.updatedAt()))
                .update();
    }

    public Optional<Campaign> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE id = ?").param(id).query(this::map).optional();
    }

    public List<Campaign> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign ORDER BY created_at DESC").query(this::map).list();
    }

    public List<String> idsInState(CampaignState state) {
        return jdbc.sql("SELECT id FROM campaign WHERE state = ? ORDER BY created_at")
                .param(state.name()).query(String.class).list();
    }

    public Optional<String> questionnaireYaml(String id) {
        return jdbc.sql("SELECT questionnaire_yaml FROM campaign WHERE id = ?").param(id).query(String.class).optional();
    }

    public Optional<String> rosterFile(String id) {
        return jdbc.sql("SELECT roster_file FROM campaign WHERE id = ?").param(id).query(String.class).optional();
    }

    /** Moves the campaign only if it is still in {@code from}; returns whether it moved. */
    public boolean transition(String id, CampaignState from, CampaignState to, Instant at) {
        return jdbc.sql("UPDATE campaign SET state = ?, updated_at = ? WHERE id = ? AND state = ?")
                .params(to.name(), utc(at), id, from.name()).update() == 1;
    }

    public void updateImport(String id, ImportStatus status, String detail, Instant at) {
        jdbc.sql("UPDATE campaign SET import_status = ?, import_detail = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), detail, utc(at), id).update();
    }

    private Campaign map(ResultSet rs, int row) throws SQLException {
        return new Campaign(rs.getString("id"), rs.getString("name"), CampaignState.valueOf(rs.getString("state")),
                rs.getString("questionnaire_id"), rs.getString("default_region"), rs.getString("default_language"),
                ImportStatus.valueOf(rs.getString("import_status")), rs.getString("import_detail"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
