package org.epicall.survey.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeypadInterpreterTest {

    private final KeypadInterpreter keypad = new KeypadInterpreter();

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"1, true", "2, false", "1#, true", "2#, false"})
    void shouldReadYesAndNo(String keys, boolean expected) {
        Interpretation interpretation = keypad.interpret(Questions.get("fever"), keys);

        assertThat(interpretation.value()).isEqualTo(expected);
        assertThat(interpretation.confidence()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"37*5, 37.5", "37*5#, 37.5", "38, 38", "38#, 38", "36*0, 36.0", "43, 43", "34, 34", "99*5, 37.5"})
    void shouldReadTemperaturesWithStarAsDecimalPoint(String keys, BigDecimal expected) {
        Interpretation interpretation = keypad.interpret(Questions.get("temperature"), keys);

        assertThat((BigDecimal) interpretation.value()).as(interpretation.note()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"1#, cough", "12#, cough sore_throat", "31, cough short_breath", "5, none", "44, taste_smell_loss"})
    void shouldReadSymptomsByOptionNumber(String keys, String expected) {
        Interpretation interpretation = keypad.interpret(Questions.get("symptoms"), keys);

        assertThat(interpretation.value()).isEqualTo(Arrays.asList(expected.split(" ")));
    }

    @ParameterizedTest(name = "\"{1}\" for {0} is no match")
    @CsvSource({
            "fever, 3", "fever, 12", "fever, ''", "fever, '#'", "fever, '*'", "fever, 1a",
            "temperature, 375", "temperature, 3*7*5", "temperature, *5", "temperature, 37*", "temperature, 37*55",
            "temperature, 50", "temperature, ''",
            "symptoms, 15", "symptoms, 9", "symptoms, 1*2", "symptoms, 0",
            "travel_country, 12", "travel_country, 9",
    })
    void shouldRefuseInvalidEntries(String questionId, String keys) {
        Interpretation interpretation = keypad.interpret(Questions.get(questionId), keys);

        assertThat(interpretation.matched()).as(interpretation.note()).isFalse();
        assertThat(interpretation.note()).isNotBlank();
    }

    @ParameterizedTest(name = "a null entry is no match")
    @CsvSource({"fever", "temperature"})
    void shouldTreatNoEntryAsNoMatch(String questionId) {
        assertThat(keypad.interpret(Questions.get(questionId), null).matched()).isFalse();
    }
}
