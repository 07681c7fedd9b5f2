package org.epicall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventJsonTest {

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
