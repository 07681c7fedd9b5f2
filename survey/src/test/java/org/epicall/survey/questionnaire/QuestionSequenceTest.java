package org.epicall.survey.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class QuestionSequenceTest {

    private final QuestionSequence sequence = QuestionnaireLoader.loadResource("questionnaires/covid-checkin.yaml").sequence();

    @Test
    void shouldStartWithConsent() {
        assertThat(sequence.next(Map.of())).get().extracting(Question::id).isEqualTo("consent");
    }

    @Test
    void shouldEndTheCallAsDeclinedWhenConsentIsRefused() {
        Map<String, Object> answers = Map.of("consent", false);

        assertThat(sequence.next(answers)).isEmpty();
        assertThat(sequence.declined(answers)).isTrue();
    }

    @Test
    void shouldAskNothingMoreWhenConsentWasAskedButNotAnswered() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("consent", null);

        assertThat(sequence.next(answers)).isEmpty();
        assertThat(sequence.declined(answers)).isFalse();
    }

    @Test
    void shouldAskWhichCountryRightAfterAYesToTravel() {
        assertThat(sequence.next(Map.of("consent", true, "travel", true))).get().extracting(Question::id).isEqualTo("travel_country");
    }

    @Test
    void shouldSkipTheCountryAfterANoToTravel() {
        assertThat(sequence.next(Map.of("consent", true, "travel", false))).get().extracting(Question::id).isEqualTo("contact");
    }

    @Test
    void shouldSkipTheCountryWhenTravelWasLeftUnanswered() {
        Map<String, Object> answers = new HashMap<>(Map.of("consent", true));
        answers.put("travel", null);

        assertThat(sequence.next(answers)).get().extracting(Question::id).isEqualTo("contact");
    }

    @Test
    void shouldAskTemperatureOnlyAfterAFever() {
        Map<String, Object> base = Map.of("consent", true, "travel", false, "contact", false);

        assertThat(sequence.next(with(base, "fever", true))).get().extracting(Question::id).isEqualTo("temperature");
        assertThat(sequence.next(with(base, "fever", false))).get().extracting(Question::id).isEqualTo("symptoms");
    }

    @Test
    void shouldWalkTheWholeQuestionnaireInOrderForAFeverishTraveller() {
        Map<String, Object> answers = new HashMap<>();
        Map<String, Object> given = Map.of("consent", true, "travel", true, "travel_country", List.of("japan"), "contact", false,
                "fever", true, "temperature", new BigDecimal("38.2"), "symptoms", List.of("cough"), "followup_call", true);
        List<String> asked = new java.util.ArrayList<>();
        for (var next = sequence.next(answers); next.isPresent(); next = sequence.next(answers)) {
            asked.add(next.get().id());
            answers.put(next.get().id(), given.get(next.get().id()));
        }

        assertThat(asked).containsExactly("consent", "travel", "travel_country", "contact", "fever", "temperature", "symptoms", "followup_call");
    }

    @Test
    void shouldFinishWhenEveryApplicableQuestionWasAsked() {
        Map<String, Object> answers = Map.of("consent", true, "travel", false, "contact", false, "fever", false,
                "symptoms", List.of("none"), "followup_call", false);

        assertThat(sequence.next(answers)).isEmpty();
        assertThat(sequence.declined(answers)).isFalse();
    }

    @Test
    void shouldListTheAskingOrderWithFollowUpsAfterTheirParents() {
        assertThat(sequence.order()).extracting(Question::id).containsExactly(
                "consent", "travel", "travel_country", "contact", "fever", "temperature", "symptoms", "followup_call");
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
