package org.epicall.survey.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.epicall.survey.language.LanguagePack;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConfirmationTest {

    private static final Questionnaire CHECK_IN = QuestionnaireLoader.loadResource("questionnaires/covid-checkin.yaml");

    @Test
    void answersThatRaiseAFlagTheAnswersSoFarDoNotAreReadBack() {
        assertThat(Confirmation.needed(CHECK_IN, "fever", true, Map.of())).isTrue();
        assertThat(Confirmation.needed(CHECK_IN, "contact", true, Map.of())).isTrue();
        assertThat(Confirmation.needed(CHECK_IN, "temperature", new BigDecimal("37.5"), Map.of("fever", true))).isTrue();
        assertThat(Confirmation.needed(CHECK_IN, "symptoms", List.of("cough"), Map.of("travel", true))).isTrue();
    }

    @Test
    void answersThatRaiseNoNewFlagAreNot() {
        assertThat(Confirmation.needed(CHECK_IN, "fever", false, Map.of())).isFalse();
        assertThat(Confirmation.needed(CHECK_IN, "contact", false, Map.of())).isFalse();
        assertThat(Confirmation.needed(CHECK_IN, "temperature", new BigDecimal("36.5"), Map.of("fever", true))).isFalse();
        assertThat(Confirmation.needed(CHECK_IN, "symptoms", List.of("cough"), Map.of("travel", false))).isFalse();
        assertThat(Confirmation.needed(CHECK_IN, "travel", true, Map.of())).isFalse();
        assertThat(Confirmation.needed(CHECK_IN, "consent", true, Map.of())).isFalse();
    }

    @Test
    void everyPromptAReadBackMayPlayIsListedForRendering() {
        List<Confirmation.Prompt> prompts = Confirmation.prompts(CHECK_IN, LanguagePack.forLanguage("ko"));

        assertThat(prompts).extracting(Confirmation.Prompt::name)
                .contains("fever-confirm-yes", "contact-confirm-yes", "temperature-confirm-37.5", "temperature-confirm-34",
                        "symptoms-confirm-cough", "symptoms-confirm-cough+short_breath", "travel-confirm-yes")
                .doesNotContain("consent-confirm-yes", "followup_call-confirm-yes")
                .doesNotHaveDuplicates();
        assertThat(prompts).filteredOn(p -> p.name().startsWith("temperature-")).hasSize(91);
        assertThat(prompts).allSatisfy(p -> assertThat(p.text()).contains("1번").contains("2번"));
    }

    @ParameterizedTest(name = "{0} {1} in {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "temperature | 37.5  | ko | 37.5도라고 하셨습니까? 맞으면 1번, 아니면 2번을 눌러 주세요.",
            "fever       | yes   | ko | 네라고 하셨습니까? 맞으면 1번, 아니면 2번을 눌러 주세요.",
            "symptoms    | cough | ko | 기침이라고 하셨습니까? 맞으면 1번, 아니면 2번을 눌러 주세요.",
            "temperature | 38    | en | Did you say 38 degrees? If so, press 1. If not, press 2.",
            "contact     | yes   | en | Did you say yes? If so, press 1. If not, press 2.",
    })
    void thePromptSaysTheAnswerInTheCallsLanguage(String questionId, String said, String language, String text) {
        Object value = switch (questionId) {
            case "temperature" -> new BigDecimal(said);
            case "symptoms" -> List.of(said);
            default -> said.equals("yes");
        };

        assertThat(Confirmation.text(CHECK_IN.question(questionId).orElseThrow(), value, LanguagePack.forLanguage(language)))
                .contains(text);
        assertThat(Confirmation.promptName(questionId, value)).isEqualTo(questionId + "-confirm-" + said);
    }
}
