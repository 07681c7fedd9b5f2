package org.epicall.survey.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What counts as "nothing heard" (straight to the keypad) and what as "heard but unclear" (asked
 * again by voice): only silence, noise and fillers are nothing.
 */
class NothingHeardTest {

    private final AnswerInterpreter interpreter = new AnswerInterpreter();

    @ParameterizedTest(name = "[{1}] \"{2}\" to {0} is {3}")
    @CsvSource(delimiter = '|', value = {
            // nothing that could answer
            "fever          | ko | ''                | NOTHING_HEARD",
            "fever          | ko | '[unk]'           | NOTHING_HEARD",
            "fever          | ko | 음                | NOTHING_HEARD",
            "fever          | ko | 음 [unk] 어       | NOTHING_HEARD",
            "temperature    | ko | 어 뭐             | NOTHING_HEARD",
            "travel_country | ko | 저기 [unk]        | NOTHING_HEARD",
            "symptoms       | en | uh um            | NOTHING_HEARD",
            "fever          | en | '[unk] [unk]'     | NOTHING_HEARD",
            // words that bear on the answer, not understood: worth a second voice ask
            "fever          | ko | 네 아니요         | NO_MATCH",
            "fever          | ko | 뭐라고요          | NO_MATCH",
            "fever          | ko | 여보세요          | NO_MATCH",
            "fever          | ko | 음 열이           | NO_MATCH",
            "travel_country | ko | 그리고 [unk]      | NO_MATCH",
            "temperature    | ko | 열한 시           | NO_MATCH",
            "fever          | en | what              | NO_MATCH",
            "fever          | ko | 글쎄요            | DOES_NOT_KNOW",
            "fever          | ko | 음 없어요         | VALUE",
            "fever          | ko | '[unk] 네'        | VALUE",
    })
    void shouldCallOnlySilenceNoiseAndFillersNothingHeard(String questionId, String language, String transcript,
                                                          Interpretation.Kind expected) {
        assertThat(interpreter.interpret(Questions.get(questionId), language, transcript, 0.9).kind()).isEqualTo(expected);
    }
}
