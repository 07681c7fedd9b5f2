package org.epicall.survey.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YesNoInterpretationTest {

    private final AnswerInterpreter interpreter = new AnswerInterpreter();

    @ParameterizedTest(name = "[{0}] \"{1}\" is yes")
    @CsvSource({
            "ko, 네", "ko, 예", "ko, 응", "ko, 넵", "ko, 맞아요", "ko, 맞습니다", "ko, 네 맞아요", "ko, 음 네",
            "ko, 어 네", "ko, 네네", "ko, 네.", "ko, 있어요", "ko, 있습니다", "ko, 네 있어요", "ko, 그렇습니다",
            "ko, 다녀왔어요", "ko, 네 다녀왔습니다", "ko, 음 그래요",
            "en, yes", "en, yeah", "en, yep", "en, Yes.", "en, uh yes", "en, yes I have", "en, I did", "en, sure",
            "en, of course", "en, that's right", "en, okay", "en, uh huh", "en, YES I DO", "en, um yeah",
            "en, I think so", "en, no problem", "en, yeah no worries",
    })
    void shouldHearYes(String language, String transcript) {
        Interpretation interpretation = interpreter.interpret(Questions.get("travel"), language, transcript, 0.9);

        assertThat(interpretation.value()).isEqualTo(true);
        assertThat(interpretation.confidence()).isGreaterThanOrEqualTo(0.6);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" is no")
    @CsvSource({
            "ko, 아니요", "ko, 아뇨", "ko, 아니오", "ko, 아니", "ko, 아닙니다", "ko, 없어요", "ko, 없습니다",
            "ko, 아니요 없어요", "ko, 아뇨 없습니다", "ko, 음 없어요", "ko, 안 했어요", "ko, 안했어요",
            "ko, 안 갔어요", "ko, 아니요 안 했습니다", "ko, 전혀 없어요", "ko, 열이 안 나요",
            "ko, 안 다녀왔어요", "ko, 못 갔어요",
            "en, no", "en, nope", "en, nah", "en, No.", "en, I have not", "en, I haven't", "en, no I have not",
            "en, not really", "en, I didn't", "en, never", "en, uh no", "en, not at all", "en, no I haven't been",
            "en, never correct", "ko, 못 했어요", "ko, 안 있어요", "en, I don't think so", "en, not that I know of",
    })
    void shouldHearNo(String language, String transcript) {
        Interpretation interpretation = interpreter.interpret(Questions.get("travel"), language, transcript, 0.9);

        assertThat(interpretation.value()).isEqualTo(false);
        assertThat(interpretation.confidence()).isGreaterThanOrEqualTo(0.6);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" answers the fever question only")
    @CsvSource({"ko, 열이 나요, true", "ko, 열이 납니다, true", "ko, 열 안 나요, false", "en, I've got a fever, true", "en, no fever, false"})
    void shouldUnderstandPhrasesThatBelongToOneQuestion(String language, String transcript, boolean expected) {
        assertThat(interpreter.interpret(Questions.get("fever"), language, transcript, 0.9).value()).isEqualTo(expected);
        assertThat(ExpectedPhrases.forQuestion(Questions.get("fever"), language))
                .contains(String.join(" ", org.epicall.survey.language.LanguagePack.tokenize(transcript)));
        assertThat(ExpectedPhrases.forQuestion(Questions.get("travel"), language))
                .doesNotContain(String.join(" ", org.epicall.survey.language.LanguagePack.tokenize(transcript)));
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" is no match")
    @CsvSource({
            "ko, 네 아니요", "ko, 아니요 네", "ko, 네 없어요", "ko, 있어요 없어요", "ko, 모르겠어요", "ko, 네 잘 모르겠어요",
            "ko, 음", "ko, 어", "ko, 사과", "ko, 날씨가 좋네요", "ko, '[unk]'", "ko, ''",
            "en, yes no", "en, no yes", "en, yeah nope", "en, I don't know", "en, maybe", "en, uh", "en, banana",
            "en, what did you say", "en, '[unk] [unk]'", "en, '   '",
            "ko, 안 네", "ko, 못 응", "en, not yes", "en, never yeah", "en, no idea", "en, no clue", "ko, 아마 네",
            "ko, 없진 않아요", "en, yes and no", "en, I have travelled but not recently", "en, yes but not lately",
            "ko, 다녀왔어요 근데 안 최근", "en, I did but never abroad",
            "ko, 네이버", "ko, 예약", "ko, 응급실", "ko, 아니면", "ko, 없어진", "ko, 있잖아", "ko, 네모",
            "en, yesterday", "en, nobody", "en, knowledge", "en, yessir maybe", "en, nosebleed",
    })
    void shouldNotGuessFromContradictionsFillersOrNonsense(String language, String transcript) {
        Interpretation interpretation = interpreter.interpret(Questions.get("travel"), language, transcript, 0.9);

        assertThat(interpretation.matched()).as(interpretation.note()).isFalse();
        assertThat(interpretation.confidence()).isZero();
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" is {2} but less trusted")
    @CsvSource({
            "ko, 네 [unk] [unk] [unk], true",
            "en, yes I went to the seaside with friends, true",
    })
    void shouldLowerConfidenceWhenMostOfTheAnswerIsNotUnderstood(String language, String transcript, boolean expected) {
        Interpretation clear = interpreter.interpret(Questions.get("travel"), language, expected ? (language.equals("ko") ? "네" : "yes") : "no", 0.9);
        Interpretation muddled = interpreter.interpret(Questions.get("travel"), language, transcript, 0.9);

        assertThat(muddled.value()).isEqualTo(expected);
        assertThat(muddled.confidence()).isLessThan(clear.confidence());
    }

    @ParameterizedTest(name = "recogniser confidence {0} caps the answer confidence")
    @CsvSource({"0.0", "0.3", "0.75", "1.0"})
    void shouldNeverBeMoreConfidentThanTheRecogniser(double recogniser) {
        Interpretation interpretation = interpreter.interpret(Questions.get("travel"), "ko", "네", recogniser);

        assertThat(interpretation.confidence()).isLessThanOrEqualTo(recogniser);
    }
}
