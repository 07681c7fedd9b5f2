package org.epicall.survey.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpectedPhrasesTest {

    private final AnswerInterpreter interpreter = new AnswerInterpreter();

    @Test
    void shouldOfferTheYesNoVocabularyOfTheLanguage() {
        assertThat(ExpectedPhrases.forQuestion(Questions.get("fever"), "ko"))
                .contains("네", "예", "맞아요", "응", "아니요", "아뇨", "없어요", "없습니다", "있어요", "음", "어", "안 했어요");
        assertThat(ExpectedPhrases.forQuestion(Questions.get("fever"), "en"))
                .contains("yes", "yeah", "no", "nope", "i have not", "uh");
    }

    @Test
    void shouldOfferEveryTemperatureOfTheRangeInEveryPhrasing() {
        List<String> korean = ExpectedPhrases.forQuestion(Questions.get("temperature"), "ko");
        List<String> english = ExpectedPhrases.forQuestion(Questions.get("temperature"), "en");

        assertThat(korean).contains("삼십칠 점 오", "삼십 칠 점 오", "삼십칠 점 오 도", "삼십사", "사십삼", "화씨 구십구 점 오", "점", "오", "도")
                .doesNotContain("구십구 점 오");
        assertThat(english).contains("thirty seven point five", "thirty four", "forty three", "ninety nine point one",
                "a hundred and one", "one hundred one", "point", "five", "degrees");
    }

    @ParameterizedTest(name = "every {0} temperature phrase reads back as a plausible temperature")
    @ValueSource(strings = {"ko", "en"})
    void everyMultiWordTemperaturePhraseShouldBeUnderstood(String language) {
        Question temperature = Questions.get("temperature");
        var words = org.epicall.survey.language.LanguagePack.forLanguage(language).numbers();
        java.util.Set<String> notNumbers = new java.util.HashSet<>(words.celsius());
        notNumbers.addAll(words.fahrenheit());
        notNumbers.addAll(words.half());
        notNumbers.addAll(words.ignorable());
        List<String> phrases = ExpectedPhrases.forQuestion(temperature, language).stream()
                .filter(phrase -> phrase.contains(" ") && !notNumbers.contains(phrase))
                .toList();

        assertThat(phrases).hasSizeGreaterThan(100);
        for (String phrase : phrases) {
            Interpretation interpretation = interpreter.interpret(temperature, language, phrase, 1.0);
            assertThat(interpretation.matched()).as("%s -> %s", phrase, interpretation.note()).isTrue();
            assertThat((BigDecimal) interpretation.value()).isBetween(new BigDecimal("34"), new BigDecimal("43"));
        }
    }

    @ParameterizedTest(name = "[{0}] every yes/no phrase is understood as yes, no or unsure")
    @ValueSource(strings = {"ko", "en"})
    void everyYesNoPhraseShouldBeUnderstood(String language) {
        var pack = org.epicall.survey.language.LanguagePack.forLanguage(language);
        for (String phrase : pack.yesNo().yes()) {
            assertThat(interpreter.interpret(Questions.get("fever"), language, phrase, 1.0).value()).as(phrase).isEqualTo(true);
        }
        for (String phrase : pack.yesNo().no()) {
            assertThat(interpreter.interpret(Questions.get("fever"), language, phrase, 1.0).value()).as(phrase).isEqualTo(false);
        }
        for (String phrase : pack.yesNo().unsure()) {
            assertThat(interpreter.interpret(Questions.get("fever"), language, phrase, 1.0).matched()).as(phrase).isFalse();
        }
    }

    @ParameterizedTest(name = "[{0}] every choice phrase of {1} names an option")
    @CsvSource({"ko, symptoms", "en, symptoms", "ko, travel_country", "en, travel_country"})
    void everyOptionPhraseShouldBeUnderstood(String language, String questionId) {
        Question question = Questions.get(questionId);
        for (var option : question.choiceSpec().options()) {
            for (String phrase : ChoiceReader.phrases(option, org.epicall.survey.language.LanguagePack.forLanguage(language))) {
                Interpretation interpretation = interpreter.interpret(question, language, phrase, 1.0);
                assertThat(interpretation.value()).as("%s -> %s", phrase, interpretation.note()).isEqualTo(List.of(option.id()));
            }
        }
    }

    @Test
    void shouldOfferKoreanChoiceWordsWithTheParticleFormThatFits() {
        List<String> phrases = ExpectedPhrases.forQuestion(Questions.get("symptoms"), "ko");

        assertThat(phrases).contains("기침이", "기침이요", "기침은", "목감기가", "목감기요").doesNotContain("기침가", "목감기이");
    }

    @ParameterizedTest(name = "[{0}] every grammar phrase of {1} is understood")
    @CsvSource({"ko, symptoms", "en, symptoms", "ko, travel_country", "en, travel_country"})
    void everySingleOptionPhraseOfTheGrammarShouldNameThatOption(String language, String questionId) {
        Question question = Questions.get(questionId);
        var pack = org.epicall.survey.language.LanguagePack.forLanguage(language);
        java.util.Set<String> notOptions = new java.util.HashSet<>(pack.choices().affirmers());
        notOptions.addAll(pack.choices().negatorsBefore());
        notOptions.addAll(pack.choices().negatorsAfter());
        notOptions.addAll(pack.fillers());
        pack.choices().denials().values().forEach(notOptions::addAll);
        for (String phrase : ExpectedPhrases.forQuestion(question, language)) {
            if (notOptions.contains(phrase)) {
                continue;
            }
            Interpretation interpretation = interpreter.interpret(question, language, phrase, 1.0);
            assertThat(interpretation.value()).as("%s -> %s", phrase, interpretation.note()).asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(1);
        }
    }

    @Test
    void shouldOfferNothingForFreeTextSoTheRecogniserTranscribesFreely() {
        Question places = QuestionnaireLoader.loadResource("questionnaires/minimal.yaml").question("places").orElseThrow();

        assertThat(ExpectedPhrases.forQuestion(places, "ko")).isEmpty();
    }

    @ParameterizedTest(name = "[{0}] phrases are distinct and tokenised")
    @ValueSource(strings = {"ko", "en"})
    void phrasesShouldBeDistinctLowerCaseAndSingleSpaced(String language) {
        for (Question question : Questions.CHECKIN.questions()) {
            List<String> phrases = ExpectedPhrases.forQuestion(question, language);
            assertThat(phrases).doesNotHaveDuplicates().allSatisfy(phrase -> {
                assertThat(phrase).isEqualTo(phrase.strip()).doesNotContain("  ");
                assertThat(phrase).isEqualTo(phrase.toLowerCase(java.util.Locale.ROOT));
            });
        }
    }
}
