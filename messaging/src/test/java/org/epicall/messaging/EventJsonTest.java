package org.epicall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.call.SurveyResponse;
import org.epicall.survey.call.SurveyStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventJsonTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final EventJson json = new EventJson();

    @Test
    void shouldReadBackTheDialRequestItWrote() {
        var request = TestEvents.dialRequest("a-1");

        assertThat(json.readDialRequest(json.dialRequest(request))).isEqualTo(request);
    }

    @Test
    void shouldReadBackTheAttemptResultItWrote() {
        var result = TestEvents.unreachable("a-2");

        assertThat(json.readCallAttempt(json.callAttempt(result))).isEqualTo(result);
    }

    @Test
    void shouldWriteTimesAsIsoInstantsAndValuesWithTheirJsonTypes() {
        String text = new String(json.surveyResult(SurveyResultEvent.of(TestEvents.completeSurvey("a-3"), Optional.empty())),
                StandardCharsets.UTF_8);

        assertThat(text).contains("\"startedAt\":\"2026-11-21T10:15:00Z\"", "\"durationMillis\":95000",
                "\"type\":\"NUMBER\",\"value\":37.8", "\"type\":\"CHOICES\",\"value\":[\"cough\",\"fever\"]",
                "\"type\":\"NONE\",\"value\":null", "\"flagged\":true");
        assertThat(text).doesNotContain("phoneNumber", "audioPath", "/rec/a.wav");
    }

    @Test
    void shouldLabelTheVoiceTranscriptThatDidNotCountBesideAKeypadAnswer() {
        var event = SurveyResultEvent.of(new SurveyResponse("a-5", "campaign-1", "contact-a-5", "covid-checkin", "ko",
                SurveyStatus.COMPLETE, null, TestEvents.STARTED, TestEvents.STARTED.plusSeconds(30),
                List.of(TestEvents.keypadAfterVoice("symptoms-any")), List.of()), Optional.empty());

        JsonNode answer = MAPPER.readTree(json.surveyResult(event)).get("answers").get(0);

        assertThat(answer.get("source").asString()).isEqualTo("KEYPAD");
        assertThat(answer.get("value").asBoolean()).isTrue();
        assertThat(answer.get("transcript").asString()).isEmpty();
        assertThat(answer.get("transcriptNotCounted").asString()).isEqualTo("없어요");
    }

    @Test
    void shouldWriteNoUncountedTranscriptWhenTheSpokenAnswerCounted() {
        String text = new String(json.surveyResult(SurveyResultEvent.of(TestEvents.partialSurvey("a-6"), Optional.empty())),
                StandardCharsets.UTF_8);

        assertThat(text).contains("\"transcript\":\"아니요\"").doesNotContain("transcriptNotCounted");
    }

    @Test
    void shouldReadAKeypadAnswerWrittenBeforeTheUncountedTranscriptWasLabelledAsTheSameAnswer() {
        String before = """
                {"schemaVersion":1,"attemptId":"a-7","campaignId":"c","contactRef":"r","questionnaireId":"q",
                 "language":"ko","status":"COMPLETE","startedAt":"2026-11-21T10:15:00Z",
                 "endedAt":"2026-11-21T10:16:00Z","durationMillis":60000,"triageFlags":[],"flagged":false,
                 "answers":[{"questionId":"symptoms-any","type":"BOOLEAN","value":true,"transcript":"없어요",
                   "confidence":1.0,"decision":"ACCEPT","source":"KEYPAD","asks":3}]}""";

        AnsweredQuestion old = json.readSurveyResult(before.getBytes(StandardCharsets.UTF_8)).answers().getFirst()
                .answeredQuestion();
        AnsweredQuestion now = json.readSurveyResult(json.surveyResult(SurveyResultEvent.of(new SurveyResponse("a-7",
                "c", "r", "q", "ko", SurveyStatus.COMPLETE, null, TestEvents.STARTED, TestEvents.STARTED.plusSeconds(60),
                List.of(TestEvents.keypadAfterVoice("symptoms-any")), List.of()), Optional.empty()))).answers().getFirst()
                .answeredQuestion();

        assertThat(old).isEqualTo(now);
        assertThat(old.countedTranscript()).isEmpty();
        assertThat(old.transcriptNotCounted()).isEqualTo("없어요");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "[1,2]", "{\"schemaVersion\":2,\"attemptId\":\"x\"}", "{\"attemptId\":\"x\"}"})
    void shouldRefuseWhatIsNotAVersionOneDialRequest(String text) {
        assertThatThrownBy(() -> json.readDialRequest(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining(Topics.DIAL_REQUESTS);
    }

    @Test
    void shouldIgnoreFieldsAddedByANewerWriterOfTheSameVersion() {
        String withExtra = new String(json.dialRequest(TestEvents.dialRequest("a-4")), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"priority\":3,");

        assertThat(json.readDialRequest(withExtra.getBytes(StandardCharsets.UTF_8)).attemptId()).isEqualTo("a-4");
    }

    static Stream<Arguments> answerValues() {
        return Stream.of(
                Arguments.of(Boolean.TRUE, AnswerType.BOOLEAN),
                Arguments.of(new BigDecimal("37.5"), AnswerType.NUMBER),
                Arguments.of(4, AnswerType.DAYS),
                Arguments.of(List.of("cough"), AnswerType.CHOICES),
                Arguments.of("2026-11-02", AnswerType.DATE),
                Arguments.of("sore throat", AnswerType.TEXT),
                Arguments.of(null, AnswerType.NONE));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("answerValues")
    void shouldClassifyEachKindOfAnswerValue(Object value, AnswerType expected) {
        assertThat(AnswerType.of(value)).isEqualTo(expected);
    }
}
