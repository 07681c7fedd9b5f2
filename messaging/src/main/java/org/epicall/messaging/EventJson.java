package org.epicall.messaging;

import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.DialRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of every event on the epicall topics, as {@code docs/schemas/} describes it.
 *
 * <p>Dial requests and attempt results are the shared call records plus a {@code schemaVersion}
 * field; survey results are {@link SurveyResultEvent}s. Readers ignore fields they do not know, so
 * a field added within a schema version does not break older consumers.
 *
 * <p>Thread-safe.
 */
public final class EventJson {

    public static final int DIAL_REQUEST_SCHEMA_VERSION = 1;
    public static final int CALL_ATTEMPT_SCHEMA_VERSION = 1;

    // A flag added within a schema version (confirmed, doesNotKnow) is absent from older events: false.
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public byte[] dialRequest(DialRequest request) {
        return versioned(DIAL_REQUEST_SCHEMA_VERSION, request);
    }

    public byte[] callAttempt(AttemptResult result) {
        return versioned(CALL_ATTEMPT_SCHEMA_VERSION, result);
    }

    public byte[] surveyResult(SurveyResultEvent event) {
        return mapper.writeValueAsBytes(event);
    }

    public byte[] questionnaire(QuestionnaireEvent event) {
        return mapper.writeValueAsBytes(event);
    }

    public QuestionnaireEvent readQuestionnaire(byte[] json) {
        try {
            QuestionnaireEvent event = mapper.readValue(json, QuestionnaireEvent.class);
            checkVersion(event.schemaVersion(), QuestionnaireEvent.SCHEMA_VERSION, Topics.QUESTIONNAIRES);
            return event;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new EventFormatException("not a " + Topics.QUESTIONNAIRES + " event: " + e.getMessage(), e);
        }
    }

    public DialRequest readDialRequest(byte[] json) {
        return readVersioned(json, DialRequest.class, DIAL_REQUEST_SCHEMA_VERSION, Topics.DIAL_REQUESTS);
    }

    public AttemptResult readCallAttempt(byte[] json) {
        return readVersioned(json, AttemptResult.class, CALL_ATTEMPT_SCHEMA_VERSION, Topics.CALL_ATTEMPTS);
    }

    public SurveyResultEvent readSurveyResult(byte[] json) {
        try {
            SurveyResultEvent event = mapper.readValue(json, SurveyResultEvent.class);
            checkVersion(event.schemaVersion(), SurveyResultEvent.SCHEMA_VERSION, Topics.SURVEY_RESULTS);
            return event;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new EventFormatException("not a " + Topics.SURVEY_RESULTS + " event: " + e.getMessage(), e);
        }
    }

    private byte[] versioned(int version, Object record) {
        ObjectNode node = mapper.createObjectNode();
        node.put("schemaVersion", version);
        node.setAll((ObjectNode) mapper.valueToTree(record));
        return mapper.writeValueAsBytes(node);
    }

    private <T> T readVersioned(byte[] json, Class<T> type, int expectedVersion, String topic) {
        try {
            JsonNode tree = mapper.readTree(json);
            if (!(tree instanceof ObjectNode node)) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            JsonNode version = node.remove("schemaVersion");
            checkVersion(version == null ? 0 : version.asInt(), expectedVersion, topic);
            return mapper.treeToValue(node, type);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new EventFormatException("not a " + topic + " event: " + e.getMessage(), e);
        }
    }

    private static void checkVersion(int actual, int expected, String topic) {
        if (actual != expected) {
            throw new IllegalArgumentException("schemaVersion " + actual + " on " + topic
                    + " is not supported (this epicall reads version " + expected + ")");
        }
    }
}
