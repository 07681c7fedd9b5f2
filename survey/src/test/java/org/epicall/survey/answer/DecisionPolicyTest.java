package org.epicall.survey.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecisionPolicyTest {

    private final DecisionPolicy policy = new DecisionPolicy();

    @ParameterizedTest(name = "confidence {0} on ask {1} of a question with threshold 0.6 → {2}")
    @CsvSource({
            "0.95, 1, ACCEPT",
            "0.60, 1, ACCEPT",
            "0.59, 1, REASK",
            "0.59, 2, KEYPAD",
            "0.10, 3, KEYPAD",
            "0.95, 2, ACCEPT",
    })
    void shouldAcceptAboveTheThresholdElseReaskThenFallBackToKeypad(double confidence, int ask, Decision expected) {
        assertThat(policy.decide(Questions.get("fever"), Interpretation.of(true, confidence), ask)).isEqualTo(expected);
    }

    @Test
    void shouldReaskANoMatchFirstAndThenFallBackToKeypad() {
        Interpretation noMatch = Interpretation.noMatch("nothing heard");

        assertThat(policy.decide(Questions.get("fever"), noMatch, 1)).isEqualTo(Decision.REASK);
        assertThat(policy.decide(Questions.get("fever"), noMatch, 2)).isEqualTo(Decision.KEYPAD);
    }

    @Test
    void shouldUseTheQuestionsOwnThreshold() {
        Question temperature = Questions.get("temperature");

        assertThat(temperature.confidenceThreshold()).isEqualTo(0.7);
        assertThat(policy.decide(temperature, Interpretation.of(new java.math.BigDecimal("37.5"), 0.65), 1)).isEqualTo(Decision.REASK);
        assertThat(policy.decide(Questions.get("fever"), Interpretation.of(true, 0.65), 1)).isEqualTo(Decision.ACCEPT);
    }

    @Test
    void shouldLeaveAVoiceOnlyQuestionUnansweredWhenVoiceFails() {
        Question places = QuestionnaireLoader.loadResource("questionnaires/minimal.yaml").question("places").orElseThrow();

        assertThat(policy.decide(places, Interpretation.noMatch("unclear"), 2)).isEqualTo(Decision.UNANSWERED);
    }

    @Test
    void shouldAllowMoreVoiceAsksWhenConfigured() {
        DecisionPolicy patient = new DecisionPolicy(3, 1);

        assertThat(patient.decide(Questions.get("fever"), Interpretation.noMatch("unclear"), 2)).isEqualTo(Decision.REASK);
        assertThat(patient.decide(Questions.get("fever"), Interpretation.noMatch("unclear"), 3)).isEqualTo(Decision.KEYPAD);
    }

    @Test
    void shouldAcceptAValidKeypadEntryAndRetryAnInvalidOneOnce() {
        assertThat(policy.decideKeypad(Interpretation.of(true, 1.0), 1)).isEqualTo(Decision.ACCEPT);
        assertThat(policy.decideKeypad(Interpretation.noMatch("key 7"), 1)).isEqualTo(Decision.KEYPAD);
        assertThat(policy.decideKeypad(Interpretation.noMatch("key 7"), 2)).isEqualTo(Decision.UNANSWERED);
    }

    @Test
    void shouldRefuseAskNumbersBelowOne() {
        assertThatThrownBy(() -> policy.decide(Questions.get("fever"), Interpretation.of(true, 1.0), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
