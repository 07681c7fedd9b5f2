package org.epicall.survey.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.Test;

class TriageEvaluatorTest {

    private final Questionnaire checkin = QuestionnaireLoader.loadResource("questionnaires/covid-checkin.yaml");

    private static Map<String, Object> healthy() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("consent", true);
        answers.put("travel", false);
        answers.put("contact", false);
        answers.put("fever", false);
        answers.put("symptoms", List.of("none"));
        answers.put("followup_call", true);
        return answers;
    }

    @Test
    void shouldFlagNothingForAHealthyResident() {
        assertThat(TriageEvaluator.flags(checkin, healthy())).isEmpty();
    }

    @Test
    void shouldFlagATemperatureOfThirtySevenPointFive() {
        Map<String, Object> answers = healthy();
        answers.put("fever", true);
        answers.put("temperature", new BigDecimal("37.5"));

        assertThat(TriageEvaluator.flags(checkin, answers)).containsExactly("high_temperature");
    }

    @Test
    void shouldNotFlagATemperatureJustBelowTheThreshold() {
        Map<String, Object> answers = healthy();
        answers.put("fever", true);
        answers.put("temperature", new BigDecimal("37.4"));

        assertThat(TriageEvaluator.flags(checkin, answers)).doesNotContain("high_temperature");
    }

    @Test
    void shouldFlagACoughingTraveller() {
        Map<String, Object> answers = healthy();
        answers.put("travel", true);
        answers.put("travel_country", List.of("vietnam"));
        answers.put("symptoms", List.of("cough", "sore_throat"));

        assertThat(TriageEvaluator.flags(checkin, answers)).containsExactly("symptomatic_traveller");
    }

    @Test
    void shouldNotFlagACoughWithoutTravel() {
        Map<String, Object> answers = healthy();
        answers.put("symptoms", List.of("cough"));

        assertThat(TriageEvaluator.flags(checkin, answers)).isEmpty();
    }

    @Test
    void shouldFlagContactWithAConfirmedCase() {
        Map<String, Object> answers = healthy();
        answers.put("contact", true);

        assertThat(TriageEvaluator.flags(checkin, answers)).containsExactly("confirmed_contact");
    }

    @Test
    void shouldFlagAFeverWhoseTemperatureWasNotGiven() {
        Map<String, Object> answers = healthy();
        answers.put("fever", true);
        answers.put("temperature", null);

        assertThat(TriageEvaluator.flags(checkin, answers)).containsExactly("fever_without_reading");
    }

    @Test
    void shouldReportEveryRuleThatFiresInQuestionnaireOrder() {
        Map<String, Object> answers = healthy();
        answers.put("travel", true);
        answers.put("contact", true);
        answers.put("fever", true);
        answers.put("temperature", new BigDecimal("39.1"));
        answers.put("symptoms", List.of("cough", "short_breath"));

        assertThat(TriageEvaluator.flags(checkin, answers))
                .containsExactly("high_temperature", "symptomatic_traveller", "confirmed_contact", "respiratory_symptoms");
    }

    @Test
    void shouldTreatNumbersOfAnyJavaTypeAlike() {
        Map<String, Object> answers = healthy();
        answers.put("fever", true);
        answers.put("temperature", 38);

        assertThat(TriageEvaluator.flags(checkin, answers)).containsExactly("high_temperature");
    }

    @Test
    void shouldIgnoreAnswersOfAnUnexpectedType() {
        Map<String, Object> answers = healthy();
        answers.put("contact", "yes");
        answers.put("temperature", "hot");

        assertThat(TriageEvaluator.flags(checkin, answers)).isEmpty();
    }
}
