package org.epicall.survey.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberInterpretationTest {

    private final AnswerInterpreter interpreter = new AnswerInterpreter();

    @ParameterizedTest(name = "[{0}] \"{1}\" is {2}")
    @CsvSource(delimiter = '|', value = {
            "ko | 삼십칠 점 오 | 37.5",
            "ko | 삼십칠 점 오 도 | 37.5",
            "ko | 삼십 칠 점 오 | 37.5",
            "ko | 삼 십 칠 점 오 | 37.5",
            "ko | 삼십칠점오도 | 37.5",
            "ko | 삼십칠 점 오도 | 37.5",
            "ko | 삼십칠 점 오 도요 | 37.5",
            "ko | 음 삼십칠 점 오 | 37.5",
            "ko | 삼십팔 도 | 38",
            "ko | 삼십팔도 | 38",
            "ko | 삼십육 점 팔 | 36.8",
            "ko | 삼십육 점 팔 도 정도 | 36.8",
            "ko | 체온은 삼십칠 도 입니다 | 37",
            "ko | 사십 도 | 40",
            "ko | 삼십구 점 영 | 39.0",
            "ko | 삼십칠이요 | 37",
            "ko | 삼십칠 도 반 | 37.5",
            "ko | 삼십칠 도 오 부 | 37.5",
            "ko | 삼십칠도 오부 | 37.5",
            "ko | 삼십팔 도 이 부요 | 38.2",
            "ko | 삼십칠 반 | 37.5",
            "ko | 삼십팔도 반 | 38.5",
            "ko | 37.5 | 37.5",
            "ko | 37.5도 | 37.5",
            "ko | 37 점 5 | 37.5",
            "ko | 38 도 | 38",
            "ko | 화씨 구십구 점 오 | 37.5",
            "ko | 화씨 백일 도 | 38.3",
            "en | thirty seven point five | 37.5",
            "en | thirty-seven point five | 37.5",
            "en | thirty seven point five degrees | 37.5",
            "en | uh thirty seven point five | 37.5",
            "en | it's about thirty eight | 38",
            "en | thirty six point six degrees celsius | 36.6",
            "en | forty | 40",
            "en | 37.5 | 37.5",
            "en | ninety nine point five | 37.5",
            "en | a hundred and one | 38.3",
            "en | thirty seven and a half | 37.5",
            "en | ninety nine and a half | 37.5",
            "en | one hundred one fahrenheit | 38.3",
            "en | ninety eight point six degrees fahrenheit | 37.0",
    })
    void shouldReadTemperatures(String language, String transcript, BigDecimal expected) {
        Interpretation interpretation = interpreter.interpret(Questions.get("temperature"), language, transcript, 0.95);

        assertThat(interpretation.matched()).as(interpretation.note()).isTrue();
        assertThat((BigDecimal) interpretation.value()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" is converted from °F")
    @CsvSource(delimiter = '|', value = {
            "en | ninety nine point five",
            "en | a hundred and one",
    })
    void shouldSayWhenAFahrenheitReadingWasConverted(String language, String transcript) {
        Interpretation interpretation = interpreter.interpret(Questions.get("temperature"), language, transcript, 0.95);

        assertThat(interpretation.note()).contains("°F");
        assertThat(interpretation.confidence()).isLessThan(0.95);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" is read as °F only because it says so")
    @CsvSource(delimiter = '|', value = {"ko | 화씨 구십구 점 오", "en | ninety nine point five fahrenheit"})
    void shouldConvertANamedFahrenheitReadingAtFullConfidence(String language, String transcript) {
        Interpretation interpretation = interpreter.interpret(Questions.get("temperature"), language, transcript, 0.95);

        assertThat((BigDecimal) interpretation.value()).isEqualByComparingTo("37.5");
        assertThat(interpretation.note()).contains("converted from 99.5 °F");
        assertThat(interpretation.confidence()).isEqualTo(0.95);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" is no match")
    @CsvSource(delimiter = '|', value = {
            "ko | 삼십칠 아니 삼십팔",
            "ko | 삼칠 점 오",
            "ko | 오십 도",
            "ko | 이십 도",
            "ko | 삼십칠 점",
            "ko | 점 오",
            "ko | 삼십칠 점 오 오",
            "ko | 삼십이요",
            "ko | 네",
            "ko | 모르겠어요",
            "ko | 섭씨 구십구 점 오",
            "ko | 백 도",
            "ko | 3 7 점 5",
            "ko | 삼십칠 37",
            "en | thirty seven or thirty eight",
            "en | three seven point five",
            "en | fifty",
            "en | twenty",
            "en | point five",
            "en | thirty seven point",
            "en | seventeen eight",
            "en | a",
            "en | 3 7",
            "en | and",
            "en | ninety nine point five celsius",
            "en | hello there",
            "ko | 구십구 점 오",
            "ko | 백",
            "ko | 백일",
            "ko | 삼십칠번",
            "ko | 삼십칠 점 오 반",
            "ko | 삼십칠 부",
            "ko | 삼십칠 도 십오 부",
            "ko | 삼십칠 도 오 부 삼 부",
            "ko | 삼십칠 점 오 도 오 부",
            "ko | 반",
            "ko | 삼십칠 반 반",
            "en | and a half",
            "en | thirty seven point five and a half",
            "ko | 이사",
            "ko | 오늘",
            "ko | 구급차",
            "ko | 사거리",
            "en | thirty seventh",
            "en | someone",
            "en | often",
            "en | ''",
    })
    void shouldNotGuessAmbiguousMalformedOrImplausibleNumbers(String language, String transcript) {
        Interpretation interpretation = interpreter.interpret(Questions.get("temperature"), language, transcript, 0.95);

        assertThat(interpretation.matched()).as("%s -> %s", transcript, interpretation).isFalse();
    }
}
