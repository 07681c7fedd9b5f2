package org.epicall.survey.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecisionPolicyTest {

    private final DecisionPolicy policy = new DecisionPolicy();

    /** fever: threshold 0.6, keypad 1/2. places (minimal.yaml): free text, voice only. */
    @ParameterizedTest(name = "{0} on ask {1} of {2} → {3}")
    @CsvSource({
            // heard      ask  question  decision
            "value 0.95,    1, fever,    ACCEPT",
            "value 0.60,    1, fever,    ACCEPT",
            "value 0.95,    2, fever,    ACCEPT",
            // partly understood: a second voice ask may get it
            "value 0.59,    1, fever,    REASK",
            "value 0.59,    2, fever,    KEYPAD",
            "no match,      1, fever,    REASK",
            "no match,      2, fever,    KEYPAD",
            "no match,      3, fever,    KEYPAD",
            "no match,      1, places,   REASK",
            "no match,      2, places,   UNANSWERED",
            // "I don't know": once more by voice, never the keypad
            "does not know, 1, fever,    REASK",
            "does not know, 2, fever,    UNANSWERED",
            "does not know, 1, places,   REASK",
            "does not know, 2, places,   UNANSWERED",
            // nothing that could answer: the keypad at once, where there is one
            "nothing heard, 1, fever,    KEYPAD",
            "nothing heard, 2, fever,    KEYPAD",
            "nothing heard, 1, places,   REASK",
            "nothing heard, 2, places,   UNANSWERED",
    })
    void shouldAskAgainByVoiceOnlyWhenThatCanHelp(String heard, int ask, String questionId, Decision expected) {
        assertThat(policy.decide(question(questionId), interpretation(heard), ask)).isEqualTo(expected);
    }

    @Test
    void shouldUseTheQuestionsOwnThreshold() {
        Question temperature = Questions.get("temperature");

        assertThat(temperature.confidenceThreshold()).isEqualTo(0.7);
        assertThat(policy.decide(temperature, Interpretation.of(new BigDecimal("37.5"), 0.65), 1)).isEqualTo(Decision.REASK);
        assertThat(policy.decide(Questions.get("fever"), Interpretation.of(true, 0.65), 1)).isEqualTo(Decision.ACCEPT);
    }

    @Test
    void shouldAllowMoreVoiceAsksWhenConfigured() {
        DecisionPolicy patient = new DecisionPolicy(3, 1);

        assertThat(patient.decide(Questions.get("fever"), Interpretation.noMatch("unclear"), 2)).isEqualTo(Decision.REASK);
        assertThat(patient.decide(Questions.get("fever"), Interpretation.noMatch("unclear"), 3)).isEqualTo(Decision.KEYPAD);
        assertThat(patient.decide(Questions.get("fever"), Interpretation.nothingHeard("silence"), 1)).isEqualTo(Decision.KEYPAD);
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

    private static Question question(String id) {
        return id.equals("places")
                ? QuestionnaireLoader.loadResource("questionnaires/minimal.yaml").question("places").orElseThrow()
                : Questions.get(id);
    }

    private static Interpretation interpretation(String heard) {
        if (heard.startsWith("value ")) {
            return Interpretation.of(true, Double.parseDouble(heard.substring("value ".length())));
        }
        return switch (heard) {
            case "no match" -> Interpretation.noMatch("unclear");
            case "does not know" -> Interpretation.doesNotKnow("글쎄요");
            case "nothing heard" -> Interpretation.nothingHeard("only fillers");
            default -> throw new IllegalArgumentException(heard);
        };
    }
}
