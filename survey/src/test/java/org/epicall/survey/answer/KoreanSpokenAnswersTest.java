package org.epicall.survey.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Korean as residents say it: colloquial, polite and dialect forms, particles and endings, refusals,
 * not knowing, and numbers that are not temperatures. Read through the morphology (Nori), so one
 * pack entry covers its inflections.
 */
class KoreanSpokenAnswersTest {

    private final AnswerInterpreter interpreter = new AnswerInterpreter();

    private Interpretation hear(String questionId, String transcript) {
        return interpreter.interpret(Questions.get(questionId), "ko", transcript, 0.9);
    }

    @ParameterizedTest(name = "\"{0}\" is yes to a question of fact")
    @ValueSource(strings = {"그래", "그래요", "그렇죠", "그렇습니다", "당연하지", "당연하죠", "물론이죠", "그럼요", "응응", "네 맞아요",
            "맞다카이", "맞심더", "그려", "하모", "네 다녀왔습니다", "다녀왔어요", "갔다 왔어요"})
    void colloquialPoliteAndDialectYes(String transcript) {
        assertThat(hear("travel", transcript).value()).as(hear("travel", transcript).note()).isEqualTo(true);
    }

    @ParameterizedTest(name = "\"{0}\" is no to a question of fact")
    @ValueSource(strings = {"아니야", "아녀", "아이다", "아니라예", "아니요 없어요", "없는데요", "없심더", "있지 않아요", "안 갔습니다",
            "못 갔어요", "안 다녀왔어요", "아니 안 갔어요"})
    void colloquialPoliteAndDialectNo(String transcript) {
        assertThat(hear("travel", transcript).value()).as(hear("travel", transcript).note()).isEqualTo(false);
    }

    @ParameterizedTest(name = "\"{0}\" agrees to the consent question")
    @ValueSource(strings = {"네", "알겠어", "알겠습니다", "그러죠", "그러겠습니다", "그럴게요", "그러세요", "좋아요", "동의합니다", "네 괜찮아요",
            "네 좋습니다", "당연하죠"})
    void agreeingConsents(String transcript) {
        assertThat(hear("consent", transcript).value()).as(hear("consent", transcript).note()).isEqualTo(true);
    }

    @ParameterizedTest(name = "\"{0}\" refuses the consent question")
    @ValueSource(strings = {"아니요", "고맙지만 사양할게요", "싫어요", "됐어요", "동의하지 않습니다", "동의 안 합니다", "괜찮습니다",
            "아니요 괜찮습니다", "나중에 해 주세요", "죄송하지만 바빠요"})
    void refusingDeclinesConsent(String transcript) {
        assertThat(hear("consent", transcript).value()).as(hear("consent", transcript).note()).isEqualTo(false);
    }

    @ParameterizedTest(name = "\"{0}\" answers \"may we call you back?\" with {1}")
    @CsvSource({"괜찮아요, true", "네 괜찮습니다, true", "돼요, true", "그렇게 하세요, true", "됐어요, false", "필요 없어요, false"})
    void aCallBackIsFineWhenTheResidentSaysItIsFine(String transcript, boolean expected) {
        assertThat(hear("followup_call", transcript).value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" to \"do you have a fever?\" is no answer")
    @ValueSource(strings = {"괜찮아요", "싫어요", "사양할게요", "좋아요", "알겠습니다", "됐어요"})
    void refusingOrAgreeingIsNoAnswerToAQuestionOfFact(String transcript) {
        Interpretation interpretation = hear("fever", transcript);

        assertThat(interpretation.matched()).as(interpretation.note()).isFalse();
        assertThat(interpretation.doesNotKnow()).isFalse();
    }

    @Test
    void aRefusalToAQuestionOfFactIsSaidToBeOne() {
        assertThat(hear("fever", "싫어요").note()).contains("declined");
    }

    @ParameterizedTest(name = "\"{0}\" does not consent: it says nothing about the request")
    @ValueSource(strings = {"고맙습니다 있었어요", "있어요", "없어요", "네 없어요"})
    void sayingSomethingHappenedDoesNotAnswerARequest(String transcript) {
        assertThat(hear("consent", transcript).matched()).as(hear("consent", transcript).note()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" is not knowing")
    @ValueSource(strings = {"모르겠어요", "글쎄요", "잘 모르겠는데", "그거야 모르지", "아니 난 모르겠더라", "네 잘 모르겠어요", "몰라요",
            "기억이 안 나요"})
    void notKnowingIsItsOwnOutcome(String transcript) {
        for (String question : List.of("travel", "consent", "contact")) {
            Interpretation interpretation = hear(question, transcript);

            assertThat(interpretation.doesNotKnow()).as("%s: %s", question, interpretation).isTrue();
            assertThat(interpretation.value()).isNull();
        }
    }

    @ParameterizedTest(name = "\"{0}\" is no match")
    @ValueSource(strings = {"아니면", "있잖아", "있나요", "있습니까", "뭐라고요", "여보세요", "네 다녀왔는데 오래 전이에요",
            "네 있었는데 지금은 없어요", "가겠습니다", "없지 않아요", "안 네"})
    void conditionalQualifiedOrQuestioningAnswersAreNoMatch(String transcript) {
        Interpretation interpretation = hear("travel", transcript);

        assertThat(interpretation.matched()).as(interpretation.note()).isFalse();
        assertThat(interpretation.doesNotKnow()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" names {1}")
    @CsvSource({"중국에서는, china", "필리핀의, philippines", "미국에서는, usa", "유럽의, europe", "일본이요, japan", "중국이에요, china",
            "베트남에 다녀왔어요, vietnam", "다낭이요, vietnam", "차이나가, china", "태국 쪽이요, thailand"})
    void countriesAreNamedWhateverTheirParticlesAndEndings(String transcript, String country) {
        Interpretation interpretation = hear("travel_country", transcript);

        assertThat(interpretation.value()).as(interpretation.note()).isEqualTo(List.of(country));
        assertThat(interpretation.confidence()).isGreaterThanOrEqualTo(0.6);
    }

    @ParameterizedTest(name = "\"{0}\" names no country")
    @ValueSource(strings = {"아닙니다", "중국이면", "중국이나 일본", "태국인가요", "없어요", "모르겠어요"})
    void noCountryIsGuessed(String transcript) {
        assertThat(hear("travel_country", transcript).matched()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" is not a temperature")
    @ValueSource(strings = {"열 한 시", "열한 시", "오천원", "오천 원", "스물두 살", "삼십칠번", "세 번", "삼만", "육십사쩜오", "여섯 시 반"})
    void clockTimesMoneyAndCountsAreNotTemperatures(String transcript) {
        Interpretation interpretation = hear("temperature", transcript);

        assertThat(interpretation.matched()).as("%s -> %s", transcript, interpretation.value()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" is heard as {1} and refused: {2}")
    @CsvSource(delimiter = '|', value = {"삼만 | 30000 | outside the plausible range", "육십사쩜오 | 64.5 | outside the plausible range",
            "오천 원 | 원 | not °C", "열 한 시 | 시 | not °C"})
    void theRefusalSaysWhatWasHeard(String transcript, String heard, String why) {
        assertThat(hear("temperature", transcript).note()).contains(heard).contains(why);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"삼십칠쩜오, 37.5", "삼십칠 쩜 오 도, 37.5", "한 삼십칠 도, 37"})
    void colloquialTemperatures(String transcript, BigDecimal expected) {
        assertThat((BigDecimal) hear("temperature", transcript).value()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"삼만, 30000", "삼만오천, 35000", "만, 10000", "십만, 100000", "이만 삼천 사백, 23400", "오천, 5000"})
    void tenThousandsGroupTheDigitsBeforeThem(String spoken, BigDecimal expected) {
        var pack = org.epicall.survey.language.LanguagePack.forLanguage("ko");

        assertThat(NumberGrammar.of(pack).parse(pack.tokens(spoken))).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(expected));
    }

    @Test
    void aResidentWhoDoesNotKnowIsAskedOnceMoreByVoiceButNotOnTheKeypad() {
        DecisionPolicy policy = new DecisionPolicy();
        Interpretation unsure = hear("contact", "잘 모르겠어요");

        assertThat(policy.decide(Questions.get("contact"), unsure, 1)).isEqualTo(Decision.REASK);
        assertThat(policy.decide(Questions.get("contact"), unsure, 2)).isEqualTo(Decision.UNANSWERED);
    }
}
