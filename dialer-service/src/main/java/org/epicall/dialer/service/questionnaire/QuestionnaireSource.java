package org.epicall.dialer.service.questionnaire;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.epicall.messaging.QuestionnaireCatalog;
import org.epicall.messaging.QuestionnaireEvent;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireException;
import org.epicall.survey.questionnaire.QuestionnaireLoader;

/**
 * The questionnaire a dial request asks for: the version the campaign published on
 * {@code epicall.questionnaires}, or, for a request naming no version, the one shipped with the dialer under
 * its id. Each text is parsed once. Thread-safe.
 */
public final class QuestionnaireSource {

    private final QuestionnaireCatalog catalog;
    private final Map<String, Questionnaire> parsed = new ConcurrentHashMap<>();

    public QuestionnaireSource(QuestionnaireCatalog catalog) {
        this.catalog = catalog;
    }

    /** What a lookup found. */
    public sealed interface Resolved {
    }

    public record Loaded(Questionnaire questionnaire) implements Resolved {
    }

    /** It cannot be had: the reason says why, for the campaign and the operator. */
    public record Unavailable(String reason) implements Resolved {
    }

    /** It may be had later (Kafka away while looking): ask again. */
    public record NotYet(String reason) implements Resolved {
    }

    public Resolved resolve(String questionnaireId, String version) {
        if (version == null) {
            return shipped(questionnaireId);
        }
        String key = QuestionnaireEvent.key(questionnaireId, version);
        Questionnaire known = parsed.get(key);
        if (known != null) {
            return new Loaded(known);
        }
        return switch (catalog.find(questionnaireId, version)) {
            case QuestionnaireCatalog.Found found -> parse(key, found.event().yaml());
            case QuestionnaireCatalog.Missing missing -> new Unavailable(missing.reason());
            case QuestionnaireCatalog.Unknown unknown -> new NotYet(unknown.reason());
        };
    }

    private Resolved shipped(String questionnaireId) {
        String key = questionnaireId + "@shipped";
        Questionnaire known = parsed.get(key);
        if (known != null) {
            return new Loaded(known);
        }
        try {
            Questionnaire q = QuestionnaireLoader.loadResource("questionnaires/" + questionnaireId + ".yaml");
            parsed.put(key, q);
            return new Loaded(q);
        } catch (QuestionnaireException | IllegalArgumentException | IllegalStateException e) {
            return new Unavailable("questionnaire '" + questionnaireId + "' is not shipped with this dialer and the"
                    + " request names no published version");
        }
    }

    private Resolved parse(String key, String yaml) {
        try {
            Questionnaire q = QuestionnaireLoader.parse(yaml, key);
            parsed.put(key, q);
            return new Loaded(q);
        } catch (QuestionnaireException e) {
            return new Unavailable("questionnaire " + key + " does not load here: " + e.getMessage());
        }
    }
}
