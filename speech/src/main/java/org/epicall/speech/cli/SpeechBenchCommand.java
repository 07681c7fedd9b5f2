package org.epicall.speech.cli;

import org.epicall.corpus.Corpus;
import org.epicall.speech.SpeechSettings;
import org.epicall.speech.bench.SpeechBenchmark;
import org.epicall.speech.eval.CorpusEvaluation;
import org.epicall.speech.eval.EvaluationReport;
import org.epicall.speech.internal.VoskSpeechRecognizer;
import org.epicall.speech.model.ModelSettings;
import org.epicall.speech.model.ModelStore;
import org.epicall.speech.model.ModelUnavailableException;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code epicall bench speech}: accuracy on the corpus at 8 kHz and at 16 kHz, then speed of the full
 * epicall path against bare Vosk and memory per live recognizer. One figure per line, {@code name: value unit}.
 */
@Command(name = "speech", mixinStandardHelpOptions = true,
        description = "Speech recognition on the audio corpus: memory per recognizer and speed against bare Vosk, then accuracy (8 kHz vs 16 kHz).")
public final class SpeechBenchCommand implements Callable<Integer> {

    @Option(names = "--lang", defaultValue = "ko", description = "Corpus language (default ${DEFAULT-VALUE}; en needs the English model).")
    String language;

    @Option(names = "--rounds", defaultValue = "2", description = "Measured passes over the corpus (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--recognizers", defaultValue = "200", description = "Recognizers held open for the memory figure (default ${DEFAULT-VALUE}).")
    int liveRecognizers;

    @Option(names = "--skip-accuracy", description = "Only measure speed and memory.")
    boolean skipAccuracy;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Questionnaire questionnaire = QuestionnaireLoader.loadResource("questionnaires/covid-checkin.yaml");
        List<Corpus.Clip> clips = Corpus.load().clips(language);
        if (clips.isEmpty()) {
            spec.commandLine().getErr().println("epicall bench speech: the corpus has no '" + language + "' clips");
            return 2;
        }
        SpeechSettings best = SpeechSettings.defaults();
        try (VoskSpeechRecognizer recognizer = new VoskSpeechRecognizer(new ModelStore(ModelSettings.fromEnvironment()), best)) {
            long loadStart = System.nanoTime();
            recognizer.preload(language);
            out.printf("model load: %.2f s%n", (System.nanoTime() - loadStart) / 1e9);
            new SpeechBenchmark(recognizer, questionnaire, language, line -> {
                out.println(line);
                out.flush();
            }).run(clips, rounds, liveRecognizers);
            if (!skipAccuracy) {
                for (boolean up : new boolean[] {false, true}) {
                    EvaluationReport report = new CorpusEvaluation(recognizer.withSettings(best.withUpsampling(up)), questionnaire)
                            .run(clips, language, up);
                    print(out, report, up ? "16 kHz (resampled)" : "8 kHz");
                }
            }
            return 0;
        } catch (ModelUnavailableException e) {
            spec.commandLine().getErr().println("epicall bench speech: " + e.getMessage());
            return 3;
        }
    }

    private static void print(PrintWriter out, EvaluationReport r, String rate) {
        out.printf("answer accuracy, yes/no + number, %s: %.1f %%%n", rate, 100 * r.answerAccuracy());
        out.printf("yes/no accuracy, %s: %.1f %%%n", rate, 100 * r.yesNoAccuracy());
        out.printf("number accuracy, %s: %.1f %%%n", rate, 100 * r.numberAccuracy());
        out.printf("accepted with the right value on first ask, yes/no + number, %s: %.1f %%%n", rate, 100 * r.acceptedCorrectShare());
        out.printf("word error rate, %s: %.1f %%%n", rate, 100 * r.wordErrorRate());
        out.printf("share re-asked on first ask (keypad if again), %s: %.1f %%%n", rate, 100 * r.reaskShare());
        out.printf("wrong values accepted above threshold, %s: %d clips of %d%n", rate, r.wrongAccepted().size(), r.results().size());
        out.flush();
    }
}
