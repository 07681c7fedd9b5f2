package org.epicall.speech;

import org.epicall.survey.answer.AnswerInterpreter;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.answer.DecisionPolicy;
import org.epicall.survey.answer.Interpretation;
import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AnswerListenerTest {

    private static final Questionnaire CHECK_IN = QuestionnaireLoader.loadResource("questionnaires/covid-checkin.yaml");
    private final AnswerInterpreter interpreter = new AnswerInterpreter();

    @Test
    void acceptsASpokenYesToConsent() {
        Answer answer = listen("consent", "ko/consent-001.wav", 1);

        assertThat(answer.value()).isEqualTo(true);
        assertThat(answer.decision()).isEqualTo(Decision.ACCEPT);
        // The decoder's best hypothesis, as heard (its grammar is a bigram model: "네 네" is as likely as "네").
        assertThat(answer.transcript().text()).matches("네( 네)*");
    }

    @Test
    void acceptsASpokenNoToTravel() {
        Answer answer = listen("travel", "ko/travel-017.wav", 1);

        assertThat(answer.value()).isEqualTo(false);
        assertThat(answer.decision()).isEqualTo(Decision.ACCEPT);
    }

    @Test
    void reasksAnUnclearAnswerThenFallsBackToTheKeypad() {
        assertThat(listen("temperature", "ko/temperature-049.wav", 1).decision()).isEqualTo(Decision.REASK);
        assertThat(listen("temperature", "ko/temperature-049.wav", 2).decision()).isEqualTo(Decision.KEYPAD);
    }

    @Test
    void hypothesesMeaningTheSameValuePoolTheirProbability() {
        Transcript transcript = transcript(List.of(
                new Transcript.Alternative("아니요", 0.40),
                new Transcript.Alternative("아니요 없어요", 0.35),
                new Transcript.Alternative("네", 0.25)));

        Interpretation reading = AnswerListener.interpret(interpreter, question("fever"), "ko", transcript);

        assertThat(reading.value()).isEqualTo(false);
        assertThat(reading.confidence()).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void aValueTheDecoderWasTornAboutGetsALowConfidence() {
        Transcript transcript = transcript(List.of(
                new Transcript.Alternative("네", 0.5),
                new Transcript.Alternative("아니요", 0.5)));

        Interpretation reading = AnswerListener.interpret(interpreter, question("fever"), "ko", transcript);

        assertThat(reading.confidence()).isCloseTo(0.5, within(1e-9));
        assertThat(new DecisionPolicy().decide(question("fever"), reading, 1)).isEqualTo(Decision.REASK);
    }

    @Test
    void aValueOnlyAWeakerHypothesisHoldsIsNeverTaken() {
        Transcript transcript = transcript(List.of(
                new Transcript.Alternative("아닙니다", 0.30),
                new Transcript.Alternative("태국", 0.25),
                new Transcript.Alternative("태국 태국", 0.25),
                new Transcript.Alternative("방콕", 0.20)));

        Interpretation reading = AnswerListener.interpret(interpreter, question("travel_country"), "ko", transcript);

        assertThat(reading.matched()).as(reading.note()).isFalse();
    }

    @Test
    void theBestHypothesisNamesTheValueAndTheOthersOnlyVoteOnHowSure() {
        Transcript transcript = transcript(List.of(
                new Transcript.Alternative("네", 0.4),
                new Transcript.Alternative("아니요", 0.3),
                new Transcript.Alternative("아니요 없어요", 0.3)));

        Interpretation reading = AnswerListener.interpret(interpreter, question("fever"), "ko", transcript);

        assertThat(reading.value()).isEqualTo(true);
        assertThat(reading.confidence()).isCloseTo(0.4, within(1e-9));
        assertThat(new DecisionPolicy().decide(question("fever"), reading, 1)).isEqualTo(Decision.REASK);
    }

    @Test
    void aResidentHeardNotToKnowDoesNotKnowWhateverTheOtherHypothesesSay() {
        Transcript transcript = transcript(List.of(
                new Transcript.Alternative("잘 모르겠어요", 0.5),
                new Transcript.Alternative("네", 0.5)));

        Interpretation reading = AnswerListener.interpret(interpreter, question("contact"), "ko", transcript);

        assertThat(reading.doesNotKnow()).isTrue();
        assertThat(reading.value()).isNull();
    }

    @Test
    void garbageAloneIsNoMatch() {
        Transcript transcript = transcript(List.of(new Transcript.Alternative(Transcript.GARBAGE, 1.0)));

        assertThat(AnswerListener.interpret(interpreter, question("fever"), "ko", transcript).matched()).isFalse();
    }

    private static Transcript transcript(List<Transcript.Alternative> alternatives) {
        return new Transcript(alternatives.getFirst().text(), List.of(), 1.0, true, alternatives);
    }

    private static Question question(String id) {
        return CHECK_IN.question(id).orElseThrow();
    }

    private Answer listen(String questionId, String clip, int ask) {
        try (CallRecognizer call = KoreanModel.recognizer().openCall("ko")) {
            return new AnswerListener(call, interpreter, new DecisionPolicy())
                    .listen(question(questionId), "ko", KoreanModel.audio(KoreanModel.clip(clip)), ask);
        }
    }
}
