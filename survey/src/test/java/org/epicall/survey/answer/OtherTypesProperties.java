package org.epicall.survey.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Random;

import org.epicall.survey.questionnaire.Question;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Round trips for days-ago and date answers, said and typed. */
class OtherTypesProperties {

    private static final Question RETURNED = OtherTypesInterpretationTest.QUESTIONNAIRE.question("returned").orElseThrow();
    private static final Question ONSET = OtherTypesInterpretationTest.QUESTIONNAIRE.question("onset").orElseThrow();
    private static final LocalDate TODAY = LocalDate.now(OtherTypesInterpretationTest.NOV_21_2026);

    private final AnswerInterpreter interpreter = new AnswerInterpreter(OtherTypesInterpretationTest.NOV_21_2026);
    private final KeypadInterpreter keypad = new KeypadInterpreter(OtherTypesInterpretationTest.NOV_21_2026);

    @Property(tries = 200)
    void anyDayCountSaidInKoreanReadsBack(@ForAll @IntRange(min = 2, max = 30) int days, @ForAll long seed) {
        Random random = new Random(seed);
        String number = SpokenNumbers.korean(BigDecimal.valueOf(days), random);
        String spoken = number + (random.nextBoolean() ? " 일 전" : " 일");

        assertThat(interpreter.interpret(RETURNED, "ko", spoken, 1.0).value()).as(spoken).isEqualTo(days);
    }

    @Property(tries = 200)
    void anyDayCountSaidInEnglishReadsBack(@ForAll @IntRange(min = 2, max = 30) int days, @ForAll long seed) {
        String spoken = SpokenNumbers.english(BigDecimal.valueOf(days), new Random(seed)) + " days ago";

        assertThat(interpreter.interpret(RETURNED, "en", spoken, 1.0).value()).as(spoken).isEqualTo(days);
    }

    @Property(tries = 100)
    void anyDayCountTypedReadsBack(@ForAll @IntRange(min = 0, max = 30) int days) {
        assertThat(keypad.interpret(RETURNED, days + "#").value()).isEqualTo(days);
    }

    @Property(tries = 200)
    void anyPastDateSaidInKoreanReadsBack(@ForAll @IntRange(min = 0, max = 364) int daysBack, @ForAll long seed) {
        LocalDate date = TODAY.minusDays(daysBack);
        Random random = new Random(seed);
        String month = switch (date.getMonthValue()) {
            case 6 -> "유월";
            case 10 -> "시월";
            default -> SpokenNumbers.korean(BigDecimal.valueOf(date.getMonthValue()), random).replace(" ", "") + "월";
        };
        String spoken = month + " " + SpokenNumbers.korean(BigDecimal.valueOf(date.getDayOfMonth()), random).replace(" ", "") + "일";

        assertThat(interpreter.interpret(ONSET, "ko", spoken, 1.0).value()).as(spoken).isEqualTo(date.toString());
    }

    @Property(tries = 200)
    void anyPastDateSaidInEnglishReadsBack(@ForAll @IntRange(min = 0, max = 364) int daysBack, @ForAll long seed) {
        LocalDate date = TODAY.minusDays(daysBack);
        String month = date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String day = SpokenNumbers.english(BigDecimal.valueOf(date.getDayOfMonth()), new Random(seed));
        String spoken = new Random(seed).nextBoolean() ? month + " " + day : "the " + date.getDayOfMonth() + "th of " + month;

        assertThat(interpreter.interpret(ONSET, "en", spoken, 1.0).value()).as(spoken).isEqualTo(date.toString());
    }

    @Property(tries = 200)
    void anyPastDateTypedReadsBack(@ForAll @IntRange(min = 0, max = 364) int daysBack) {
        LocalDate date = TODAY.minusDays(daysBack);
        String full = date.toString().replace("-", "");

        assertThat(keypad.interpret(ONSET, full + "#").value()).isEqualTo(date.toString());
        assertThat(keypad.interpret(ONSET, full.substring(4)).value()).isEqualTo(date.toString());
    }
}
