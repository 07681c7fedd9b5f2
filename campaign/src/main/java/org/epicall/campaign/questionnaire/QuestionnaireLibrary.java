package org.epicall.campaign.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.epicall.campaign.lifecycle.InvalidQuestionnaireException;
import org.epicall.campaign.lifecycle.QuestionnaireCheck;
import org.epicall.campaign.storage.SqlTime;
import org.epicall.survey.questionnaire.Questionnaire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The questionnaires an official may choose from when creating a campaign: those shipped on the
 * classpath ({@code questionnaires/*.yaml}) and those earlier campaigns ran (the newest campaign of
 * each distinct text). Each is validated by the same loader as uploads and calls. Thread-safe.
 */
@Service
public class QuestionnaireLibrary {

    private static final Logger log = LoggerFactory.getLogger(QuestionnaireLibrary.class);
    private static final String SHIPPED = "shipped:";
    private static final String CAMPAIGN = "campaign:";
    private static final String SHIPPED_PATTERN = "classpath*:questionnaires/*.yaml";

    private final JdbcClient jdbc;
    private final QuestionnaireCheck check;
    private final Map<String, String> shipped;

    QuestionnaireLibrary(JdbcClient jdbc, QuestionnaireCheck check) {
        this.jdbc = jdbc;
        this.check = check;
        this.shipped = readShipped();
    }

    /**
     * A questionnaire's text and where it came from.
     *
     * @param ref      its reference
     * @param fileName a file name to name it by in error messages
     * @param yaml     its text
     */
    public record Source(String ref, String fileName, String yaml) {
    }

    /** The known questionnaires: shipped ones first, then campaigns' newest first. */
    public List<KnownQuestionnaire> known() {
        List<KnownQuestionnaire> known = new ArrayList<>();
        Set<String> texts = new HashSet<>();
        shipped.forEach((name, yaml) -> {
            Questionnaire q = check.load(yaml, name + ".yaml");
            texts.add(yaml);
            known.add(new KnownQuestionnaire(SHIPPED + name, q.id(), q.version(), q.languages(), q.questions().size(),
                    "shipped", null, null));
        });
        jdbc.sql("SELECT id, name, questionnaire_yaml, created_at FROM campaign ORDER BY created_at DESC")
                .query(rs -> {
                    String yaml = rs.getString("questionnaire_yaml");
                    if (!texts.add(yaml)) {
                        return;
                    }
                    String id = rs.getString("id");
                    Instant created = SqlTime.instant(rs, "created_at");
                    try {
                        Questionnaire q = check.load(yaml, id);
                        known.add(new KnownQuestionnaire(CAMPAIGN + id, q.id(), q.version(), q.languages(),
                                q.questions().size(), "campaign", rs.getString("name"), created));
                    } catch (InvalidQuestionnaireException e) {
                        // A loader that grew stricter since: the campaign keeps its text, but nobody may choose it.
                        log.debug("questionnaire of campaign {} no longer loads: {}", id, e.getMessage());
                    }
                });
        return known;
    }

    /** The text of a known questionnaire, by its {@link KnownQuestionnaire#ref()}. */
    public Optional<Source> find(String ref) {
        if (ref.startsWith(SHIPPED)) {
            String name = ref.substring(SHIPPED.length());
            return Optional.ofNullable(shipped.get(name)).map(yaml -> new Source(ref, name + ".yaml", yaml));
        }
        if (ref.startsWith(CAMPAIGN)) {
            String campaignId = ref.substring(CAMPAIGN.length());
            return jdbc.sql("SELECT questionnaire_yaml FROM campaign WHERE id = ?").param(campaignId)
                    .query(String.class).optional()
                    .map(yaml -> new Source(ref, "questionnaire of " + campaignId, yaml));
        }
        return Optional.empty();
    }

    /** Validates a questionnaire text; see {@link QuestionnaireCheck#load}. */
    public Questionnaire load(String yaml, String fileName) {
        return check.load(yaml, fileName);
    }

    private static Map<String, String> readShipped() {
        Map<String, String> texts = new LinkedHashMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(SHIPPED_PATTERN);
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
            for (Resource resource : resources) {
                String name = resource.getFilename().replaceFirst("\\.yaml$", "");
                try (InputStream in = resource.getInputStream()) {
                    texts.putIfAbsent(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped questionnaires (" + SHIPPED_PATTERN + ")", e);
        }
        return Collections.unmodifiableMap(texts);
    }
}
