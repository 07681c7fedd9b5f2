package org.epicall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.DialRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas in {@code docs/schemas/} hold for real events: produced through the real sink and
 * publisher, read back from a real broker, then validated. {@code additionalProperties: false}
 * makes these tests fail when a record gains a field its schema does not declare.
 */
class EventSchemaTest {

    private static final Path SCHEMAS = Path.of("..", "docs", "schemas");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void publishRealEvents(@TempDir Path outbox) throws Exception {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaSettings.ephemeral());
        TopicAdministration.ensureTopics(KafkaConnection.plaintext(broker.bootstrapServers()), 2, (short) 1);
        PhoneNumberDisclosure disclosesOne = r -> r.attemptId().equals("disclosed")
                ? Optional.of("+821098765432") : Optional.empty();
        try (var publisher = ResultPublisher.start(KafkaConnection.plaintext(broker.bootstrapServers()), outbox, disclosesOne);
             var dialRequests = new DialRequestPublisher(KafkaConnection.plaintext(broker.bootstrapServers()));
             var questionnaires = new QuestionnairePublisher(KafkaConnection.plaintext(broker.bootstrapServers()))) {
            publisher.sink().surveyFinished(TestEvents.completeSurvey("complete"));
            publisher.sink().surveyFinished(TestEvents.partialSurvey("partial"));
            publisher.sink().surveyFinished(TestEvents.completeSurvey("disclosed"));
            publisher.sink().attemptFinished(TestEvents.answered("complete"));
            publisher.sink().attemptFinished(TestEvents.unreachable("unreachable"));
            dialRequests.publish(TestEvents.dialRequest("dial-1")).get(30, TimeUnit.SECONDS);
            dialRequests.publish(TestEvents.dialRequestFor("dial-2", "a1b2c3d4e5f60718")).get(30, TimeUnit.SECONDS);
            questionnaires.publish(QuestionnaireEvent.of("covid-checkin", "id: covid-checkin\n")).get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> publisher.pendingCount() == 0);
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    static Stream<Arguments> topics() {
        return Stream.of(
                Arguments.of(Topics.DIAL_REQUESTS, "dial-request.schema.json", 2),
                Arguments.of(Topics.QUESTIONNAIRES, "questionnaire.schema.json", 1),
                Arguments.of(Topics.CALL_ATTEMPTS, "call-attempt.schema.json", 2),
                Arguments.of(Topics.SURVEY_RESULTS, "survey-result.schema.json", 3));
    }

    @ParameterizedTest(name = "{0} against {1}")
    @MethodSource("topics")
    void shouldPublishOnlyEventsThatValidateAgainstTheTopicSchema(String topic, String schemaFile, int expected)
            throws IOException {
        JsonSchema schema = schema(schemaFile);
        List<ConsumerRecord<byte[], byte[]>> records = TopicContents.readAll(broker.bootstrapServers(), topic);

        assertThat(records).hasSize(expected);
        for (var record : records) {
            String json = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(schema.validate(json, InputFormat.JSON)).as(json).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} against {1}")
    @MethodSource("topics")
    void shouldRejectAFieldTheSchemaDoesNotDeclare(String topic, String schemaFile, int expected) throws IOException {
        ObjectNode event = (ObjectNode) MAPPER.readTree(
                TopicContents.readAll(broker.bootstrapServers(), topic).getFirst().value());
        event.put("undeclaredField", "x");

        Set<ValidationMessage> errors = schema(schemaFile).validate(MAPPER.writeValueAsString(event), InputFormat.JSON);

        assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("undeclaredField"));
    }

    @Test
    void shouldStillAcceptSurveyResultsWrittenBeforeTheUncountedTranscriptWasLabelled() throws IOException {
        ObjectNode event = (ObjectNode) MAPPER.readTree(
                TopicContents.readAll(broker.bootstrapServers(), Topics.SURVEY_RESULTS).getFirst().value());
        int moved = 0;
        for (JsonNode answer : event.get("answers")) {
            JsonNode notCounted = ((ObjectNode) answer).remove("transcriptNotCounted");
            if (notCounted != null) {
                ((ObjectNode) answer).put("transcript", notCounted.asString());
                moved++;
            }
        }

        assertThat(moved).as("answers whose voice attempt did not count").isPositive();
        assertThat(schema("survey-result.schema.json").validate(MAPPER.writeValueAsString(event), InputFormat.JSON))
                .isEmpty();
    }

    static Stream<Arguments> recordsAndSchemas() {
        return Stream.of(
                Arguments.of(DialRequest.class, "dial-request.schema.json", "/properties"),
                Arguments.of(AttemptResult.class, "call-attempt.schema.json", "/properties"),
                Arguments.of(SurveyResultEvent.class, "survey-result.schema.json", "/properties"),
                Arguments.of(ResultAnswer.class, "survey-result.schema.json", "/$defs/answer/properties"),
                Arguments.of(QuestionnaireEvent.class, "questionnaire.schema.json", "/properties"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordsAndSchemas")
    void shouldDeclareExactlyTheFieldsOfTheRecord(Class<? extends Record> type, String schemaFile, String pointer)
            throws IOException {
        JsonNode properties = MAPPER.readTree(Files.readString(SCHEMAS.resolve(schemaFile))).at(pointer);
        Set<String> declared = new TreeSet<>(properties.propertyNames());
        Set<String> fields = new TreeSet<>(Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList());
        if (type != ResultAnswer.class) {
            fields.add("schemaVersion");
        }

        assertThat(declared).isEqualTo(fields);
    }

    @Test
    void shouldDeclareEveryCallOutcomeTheDialerReports() throws IOException {
        JsonNode outcomes = MAPPER.readTree(Files.readString(SCHEMAS.resolve("call-attempt.schema.json")))
                .at("/properties/outcome/enum");
        List<String> declared = new ArrayList<>();
        outcomes.forEach(node -> declared.add(node.asString()));

        assertThat(declared).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(CallOutcome.values()).map(Enum::name).toList());
    }

    @Test
    void shouldLeaveThePhoneNumberOutUnlessTheCampaignDisclosesIt() {
        var results = TopicContents.readAll(broker.bootstrapServers(), Topics.SURVEY_RESULTS).stream()
                .map(r -> new EventJson().readSurveyResult(r.value())).toList();

        assertThat(results).filteredOn(e -> e.attemptId().equals("disclosed"))
                .extracting(SurveyResultEvent::phoneNumber).containsExactly("+821098765432");
        assertThat(results).filteredOn(e -> !e.attemptId().equals("disclosed"))
                .extracting(SurveyResultEvent::phoneNumber).containsOnlyNulls();
    }

    private static JsonSchema schema(String file) throws IOException {
        try (InputStream in = Files.newInputStream(SCHEMAS.resolve(file))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
    }
}
