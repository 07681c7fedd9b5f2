package org.epicall.survey.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EchoAndConfidenceTest {

    private final AnswerInterpreter interpreter = new AnswerInterpreter();

    @ParameterizedTest(name = "[{1}] \"{2}\" to {0} keeps full confidence")
    @CsvSource(delimiter = '|', value = {
            "fever  | ko | 열이 나요           | true",
            "fever  | ko | 열이 있어요         | true",
            "fever  | en | no fever            | false",
            "fever  | en | yes I have a fever  | true",
            "fever  | ko | 아니요 열이 없어요  | false",
            "consent| ko | 네 괜찮아요         | true",
            "consent| ko | 아니요 괜찮습니다   | false",
            "consent| en | yes that's fine     | true",
    })
    void shouldNotCountWordsOfTheQuestionOrNeutralWordsAsMisunderstood(String questionId, String language, String transcript,
                                                                       boolean expected) {
        Interpretation interpretation = interpreter.interpret(Questions.get(questionId), language, transcript, 0.9);

        assertThat(interpretation.value()).isEqualTo(expected);
        assertThat(interpretation.confidence()).isEqualTo(0.9);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" alone is no match")
    @CsvSource(delimiter = '|', value = {"ko | 괜찮아요", "ko | 열이", "en | fever", "en | thank you"})
    void shouldNotReadAnAnswerIntoEchoOrNeutralWordsAlone(String language, String transcript) {
        assertThat(interpreter.interpret(Questions.get("fever"), language, transcript, 0.9).matched()).isFalse();
    }
}
