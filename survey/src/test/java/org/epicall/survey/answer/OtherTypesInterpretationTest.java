package org.epicall.survey.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Days-ago, date and free-text answers, which the shipped check-in does not use. */
class OtherTypesInterpretationTest {

    static final Clock NOV_21_2026 = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("Asia/Seoul"));
    private static final String YAML = """
            id: other-types
            languages: [ko, en]
            messages:
              intro: {ko: 안녕하세요, en: Hello}
              thank_you: {ko: 감사합니다, en: Thanks}
              declined: {ko: 알겠습니다, en: Understood}
              not_understood: {ko: 죄송합니다, en: Sorry}
              keypad_intro: {ko: 버튼, en: Keypad}
            questions:
              - id: returned
                type: days_ago
                range: {min: 0, max: 30}
                prompt: {ko: 며칠 전에 돌아오셨나요?, en: How many days ago did you return?}
                keypad: {prompt: {ko: 숫자를 누르세요, en: Type the number of days}}
              - id: onset
                type: date
                prompt: {ko: 언제부터 아프셨나요?, en: Since when have you been ill?}
                keypad: {prompt: {ko: 월과 일을 누르세요, en: Type month and day}}
              - id: places
                type: free_text
                prompt: {ko: 어디에 가셨나요?, en: Where did you go?}
            """;
    static final Questionnaire QUESTIONNAIRE = QuestionnaireLoader.parse(YAML, "other-types.yaml");

    private final AnswerInterpreter interpreter = new AnswerInterpreter(NOV_21_2026);

    private static Question question(String id) {
        return QUESTIONNAIRE.question(id).orElseThrow();
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" is {2} days ago")
    @CsvSource(delimiter = '|', value = {
            "ko | 오늘 | 0", "ko | 어제 | 1", "ko | 어제요 | 1", "ko | 그저께 | 2", "ko | 이틀 전 | 2", "ko | 사흘 전에 | 3",
            "ko | 삼 일 전 | 3", "ko | 삼일 전 | 3", "ko | 3일 전 | 3", "ko | 십 일 전 | 10", "ko | 십일 일 전 | 11",
            "ko | 일주일 전 | 7", "ko | 이 주 전 | 14", "ko | 음 닷새 전 | 5",
            "en | today | 0", "en | yesterday | 1", "en | the day before yesterday | 2", "en | three days ago | 3",
            "en | 3 days ago | 3", "en | a week ago | 7", "en | two weeks ago | 14", "en | twenty one days ago | 21",
            "en | uh ten days ago | 10",
    })
    void shouldReadDaysAgo(String language, String transcript, int expected) {
        Interpretation interpretation = interpreter.interpret(question("returned"), language, transcript, 0.9);

        assertThat(interpretation.value()).as(interpretation.note()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" is no match")
    @CsvSource(delimiter = '|', value = {
            "ko | 모르겠어요", "ko | 한 달 전", "ko | 오십 일 전", "ko | 며칠 전", "ko | 전",
            "en | I don't know", "en | fifty days ago", "en | a while ago", "en | ago", "en | some days ago",
    })
    void shouldNotGuessDaysAgo(String language, String transcript) {
        assertThat(interpreter.interpret(question("returned"), language, transcript, 0.9).matched()).isFalse();
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" is {2}")
    @CsvSource(delimiter = '|', value = {
            "ko | 오늘 | 2026-11-21", "ko | 어제 | 2026-11-20", "ko | 삼월 오일 | 2026-03-05", "ko | 3월 5일 | 2026-03-05",
            "ko | 십일월 이십일 | 2026-11-20", "ko | 시월 삼일 | 2026-10-03", "ko | 유월 십오일에 | 2026-06-15",
            "ko | 십이월 이십오일 | 2025-12-25",
            "en | today | 2026-11-21", "en | yesterday | 2026-11-20", "en | march fifth | 2026-03-05",
            "en | the fifth of march | 2026-03-05", "en | march 5th | 2026-03-05", "en | november twenty first | 2026-11-21",
            "en | on the twentieth of november | 2026-11-20", "en | december twenty fifth | 2025-12-25", "en | june 15 | 2026-06-15",
    })
    void shouldReadDatesNotInTheFuture(String language, String transcript, String expected) {
        Interpretation interpretation = interpreter.interpret(question("onset"), language, transcript, 0.9);

        assertThat(interpretation.value()).as(interpretation.note()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" is no match")
    @CsvSource(delimiter = '|', value = {
            "ko | 이월 삼십일 | ", "ko | 삼월 | ", "ko | 모르겠어요 | ", "ko | 십삼월 일일 | ",
            "en | february thirtieth | ", "en | march | ", "en | march april fifth | ", "en | the fifth | ", "en | banana | ",
    })
    void shouldNotGuessDates(String language, String transcript) {
        assertThat(interpreter.interpret(question("onset"), language, transcript, 0.9).matched()).isFalse();
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" is recorded as \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "ko | 음 부산 해운대 | 부산 해운대",
            "en | uh the airport and a market | the airport and a market",
    })
    void shouldKeepFreeTextWithoutFillers(String language, String transcript, String expected) {
        Interpretation interpretation = interpreter.interpret(question("places"), language, transcript, 0.8);

        assertThat(interpretation.value()).isEqualTo(expected);
        assertThat(interpretation.confidence()).isEqualTo(0.8);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" is no match")
    @CsvSource(delimiter = '|', value = {"ko | 음 어", "en | '[unk]'", "en | ' '"})
    void shouldNotRecordFreeTextThatIsOnlyFillers(String language, String transcript) {
        assertThat(interpreter.interpret(question("places"), language, transcript, 0.8).matched()).isFalse();
    }
}
