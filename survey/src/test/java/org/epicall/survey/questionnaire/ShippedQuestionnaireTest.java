package org.epicall.survey.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShippedQuestionnaireTest {

    private final Questionnaire checkin = QuestionnaireLoader.loadResource("questionnaires/covid-checkin.yaml");

    @Test
    void shouldLoadTheShippedCheckInWithTheAgreedQuestionIds() {
        assertThat(checkin.id()).isEqualTo("covid-checkin");
        assertThat(checkin.languages()).containsExactly("ko", "en");
        assertThat(checkin.questions()).extracting(Question::id).containsExactly(
                "consent", "travel", "travel_country", "contact", "fever", "temperature", "symptoms", "followup_call");
        assertThat(checkin.consentQuestionId()).isEqualTo("consent");
    }

    @Test
    void everyQuestionHasPromptRepromptAndKeypadPromptInBothLanguages() {
        for (Question question : checkin.questions()) {
            for (String language : List.of("ko", "en")) {
                assertThat(question.prompt().in(language)).as(question.id() + " prompt " + language).isNotBlank();
                assertThat(question.reprompt().in(language)).as(question.id() + " reprompt " + language).isNotBlank();
                assertThat(question.keypadFallback()).as(question.id() + " keypad").isPresent();
                assertThat(question.keypad().prompt().in(language)).as(question.id() + " keypad " + language).isNotBlank();
            }
        }
    }

    @Test
    void everyOptionHasALabelInBothLanguages() {
        checkin.questions().stream().filter(question -> question.type() == QuestionType.CHOICE)
                .flatMap(question -> question.choiceSpec().options().stream())
                .forEach(option -> assertThat(option.label().languages()).as(option.id()).contains("ko", "en"));
    }

    @Test
    void everyMessageIsGivenInBothLanguages() {
        Messages messages = checkin.messages();
        for (LocalizedText text : List.of(messages.intro(), messages.thankYou(), messages.declined(),
                messages.notUnderstood(), messages.keypadIntro())) {
            assertThat(text.languages()).contains("ko", "en");
        }
    }

    @Test
    void shouldDeclareTheTypesTheOtherModulesRelyOn() {
        assertThat(checkin.question("temperature")).get().satisfies(question -> {
            assertThat(question.type()).isEqualTo(QuestionType.NUMBER);
            assertThat(question.numberSpec().unit()).isEqualTo("°C");
            assertThat(question.numberSpec().min()).isEqualByComparingTo("34");
            assertThat(question.numberSpec().max()).isEqualByComparingTo("43");
        });
        assertThat(checkin.question("symptoms")).get().satisfies(question -> {
            assertThat(question.choiceSpec().multiple()).isTrue();
            assertThat(question.choiceSpec().options()).extracting(ChoiceOption::id)
                    .containsExactly("cough", "sore_throat", "short_breath", "taste_smell_loss", "none");
        });
        assertThat(checkin.triageRules()).extracting(TriageRule::id)
                .contains("high_temperature", "symptomatic_traveller", "confirmed_contact");
    }
}
