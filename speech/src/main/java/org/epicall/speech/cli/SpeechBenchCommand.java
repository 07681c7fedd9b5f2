package org.epicall.speech.cli;

import org.epicall.corpus.Corpus;
import org.epicall.corpus.Manifest;
import org.epicall.corpus.ManifestException;
import org.epicall.speech.SpeechSettings;
import org.epicall.speech.bench.SpeechBenchmark;
import org.epicall.speech.eval.AnswerQuestions;
import org.epicall.speech.eval.ClipResult;
import org.epicall.speech.eval.CorpusEvaluation;
import org.epicall.speech.eval.EvaluationReport;
import org.epicall.speech.internal.VoskSpeechRecognizer;
import org.epicall.speech.model.ModelSettings;
import org.epicall.speech.model.ModelStore;
import org.epicall.speech.model.ModelUnavailableException;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireException;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code epicall bench speech}: how a corpus of recorded answers fares through the full epicall path,
 * per answer kind (right on the first ask, right after the re-ask, sent to the keypad, unanswered,
 * wrong accepted, each wrong one listed), and the character error rate of free transcription; with
 * {@code --compare-audio} the same rate for each way of handing telephone audio to Vosk; with
 * {@code --speed} (always for the shipped corpus) speed against bare Vosk and memory per recognizer.
 * The corpus is any folder with a {@code manifest.tsv} (docs/speech-corpus.md), or the shipped one.
 * One figure per line, {@code name: value unit}.
 */
@Command(name = "speech", mixinStandardHelpOptions = true,
        description = "Recognition of a corpus of recorded answers (default: the shipped espeak corpus): answers per kind, "
                + "wrong values accepted, character error rate; speed against bare Vosk and memory per recognizer.")
public final class SpeechBenchCommand implements Callable<Integer> {

    @Option(names = "--corpus", paramLabel = "DIR", description = "A folder with manifest.tsv and the WAV files it names (docs/speech-corpus.md). "
            + "Default: the shipped espeak-ng corpus.")
    Path corpus;

    @Option(names = "--audio", paramLabel = "FOLDER", description = "Where in DIR the WAV files are, e.g. phone (default: DIR itself, "
            + "else its phone/ folder if every file is there).")
    String audio;

    @Option(names = "--lang", defaultValue = "ko", description = "Corpus language (default ${DEFAULT-VALUE}; en needs the English model).")
    String language;

    @Option(names = "--questionnaire", paramLabel = "FILE", description = "Questionnaire the answers are played to (default: the shipped check-in).")
    Path questionnaireFile;

    @Option(names = "--question", paramLabel = "KIND=ID", description = "The question an answer kind without a question column is played to "
            + "(defaults: yes_no=consent, number=temperature, country=travel_country, choice=symptoms).")
    Map<String, String> questionOverrides = new LinkedHashMap<>();

    @Option(names = "--compare-audio", description = "Also measure the character error rate with Vosk given the 8 kHz samples or "
            + "epicall's 16 kHz resampling, each with and without silence trimming.")
    boolean compareAudio;

    @Option(names = "--speed", description = "Also measure speed against bare Vosk and memory per live recognizer (always done for the shipped corpus).")
    boolean speed;

    @Option(names = "--skip-accuracy", description = "Only measure speed and memory.")
    boolean skipAccuracy;

    @Option(names = "--rounds", defaultValue = "2", description = "Measured passes over the corpus for speed (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--recognizers", defaultValue = "200", description = "Recognizers held open for the memory figure (default ${DEFAULT-VALUE}).")
    int liveRecognizers;

    @Option(names = "--verbose", description = "Also print every recording's outcome and free transcription.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final VoskSpeechRecognizer injected;

    public SpeechBenchCommand() {
        this(null);
    }

    /** With a recognizer already loaded, e.g. shared by tests; the command does not close it. */
    public SpeechBenchCommand(VoskSpeechRecognizer recognizer) {
        this.injected = recognizer;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Manifest manifest;
        AnswerQuestions questions;
        try {
            manifest = corpus == null ? Corpus.load().manifest() : Manifest.read(corpus, audioFolder());
            Questionnaire questionnaire = questionnaireFile == null
                    ? QuestionnaireLoader.loadResource("questionnaires/covid-checkin.yaml") : QuestionnaireLoader.load(questionnaireFile);
            questions = new AnswerQuestions(questionnaire, questionDefaults());
        } catch (ManifestException | QuestionnaireException | IllegalArgumentException e) {
            err.println("epicall bench speech: " + e.getMessage());
            return 2;
        }
        List<Manifest.Recording> recordings = manifest.recordings(language);
        if (recordings.isEmpty()) {
            err.println("epicall bench speech: " + manifest.name() + " has no '" + language + "' recordings; pass --lang");
            return 2;
        }
        VoskSpeechRecognizer own = injected == null
                ? new VoskSpeechRecognizer(new ModelStore(ModelSettings.fromEnvironment()), SpeechSettings.defaults()) : null;
        VoskSpeechRecognizer recognizer = injected == null ? own : injected;
        SpeechSettings settings = recognizer.settings();
        try {
            long loadStart = System.nanoTime();
            recognizer.preload(language);
            out.printf("corpus: %s%n", manifest.name());
            out.printf("recordings: %d clips%n", recordings.size());
            out.printf("settings: vosk gets %s, silence %s, %d alternatives%n", settings.upsampleTo16k() ? "16000 Hz (resampled)" : "8000 Hz",
                    settings.trimSilence() ? "trimmed" : "kept", settings.maxAlternatives());
            out.printf("model load: %.2f s%n", (System.nanoTime() - loadStart) / 1e9);
            out.flush();
            if (!skipAccuracy) {
                EvaluationReport report = new CorpusEvaluation(recognizer, questions).run(manifest, recordings, language);
                print(out, report);
                if (compareAudio) {
                    compare(out, recognizer, settings, questions, manifest, recordings);
                }
            }
            if (speed || corpus == null) {
                new SpeechBenchmark(recognizer, questions, manifest, language, line -> {
                    out.println(line);
                    out.flush();
                }).run(recordings, rounds, liveRecognizers);
            }
            return 0;
        } catch (ModelUnavailableException e) {
            err.println("epicall bench speech: " + e.getMessage());
            return 3;
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    /** The explicit --audio folder, else the corpus folder, else its phone/ folder if every file is there. */
    private Path audioFolder() {
        if (audio != null) {
            Path folder = corpus.resolve(audio);
            if (!Files.isDirectory(folder)) {
                throw new ManifestException("--audio " + audio + ": no folder " + folder);
            }
            return folder;
        }
        Manifest probe = Manifest.read(corpus, corpus, false);
        for (Path candidate : List.of(corpus, corpus.resolve("phone"))) {
            if (probe.recordings().stream().allMatch(r -> Files.isRegularFile(candidate.resolve(r.file())))) {
                return candidate;
            }
        }
        return corpus;
    }

    private Map<Manifest.AnswerKind, String> questionDefaults() {
        Map<Manifest.AnswerKind, String> defaults = new EnumMap<>(AnswerQuestions.CHECK_IN);
        questionOverrides.forEach((kind, id) -> {
            Manifest.AnswerKind parsed = java.util.Arrays.stream(Manifest.AnswerKind.values()).filter(k -> k.text().equals(kind)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--question " + kind + "=" + id + ": no answer kind '" + kind
                            + "'; use yes_no, number, country or choice"));
            defaults.put(parsed, id);
        });
        return defaults;
    }

    private void print(PrintWriter out, EvaluationReport report) {
        out.printf("audio: %.1f s%n", report.audioSeconds());
        for (Manifest.AnswerKind kind : report.kinds()) {
            String name = kind.text();
            Map<ClipResult.Outcome, Long> outcomes = report.outcomes(kind);
            long plays = outcomes.values().stream().mapToLong(Long::longValue).sum();
            if (kind == Manifest.AnswerKind.OTHER) {
                out.printf("%s (no answer in them) played: %d plays%n", name, plays);
                out.printf("%s nothing accepted: %d plays%n", name, outcomes.get(ClipResult.Outcome.NOTHING_ACCEPTED));
                out.printf("%s wrong accepted: %d plays%n", name, outcomes.get(ClipResult.Outcome.WRONG_ACCEPTED));
                continue;
            }
            out.printf("%s answers: %d clips%n", name, plays);
            out.printf("%s right accepted on first ask: %d clips (%.1f %%)%n", name, outcomes.get(ClipResult.Outcome.RIGHT_FIRST),
                    100 * report.share(kind, ClipResult.Outcome.RIGHT_FIRST));
            out.printf("%s right accepted after re-ask: %d clips%n", name, outcomes.get(ClipResult.Outcome.RIGHT_AFTER_REASK));
            out.printf("%s sent to keypad: %d clips%n", name, outcomes.get(ClipResult.Outcome.KEYPAD));
            out.printf("%s unanswered (does not know): %d clips%n", name, outcomes.get(ClipResult.Outcome.UNANSWERED));
            out.printf("%s wrong accepted: %d clips%n", name, outcomes.get(ClipResult.Outcome.WRONG_ACCEPTED));
        }
        out.printf("wrong accepted: %d plays%n", report.wrongAccepted().size());
        for (ClipResult wrong : report.wrongAccepted()) {
            var accepted = wrong.accepted();
            out.printf(Locale.ROOT, "wrong accepted, %s %s to %s: heard '%s' as %s (expected %s) at confidence %.2f on ask %d%n",
                    wrong.recording().kind().text(), wrong.recording().file(), wrong.questionId(), accepted.transcript().text(),
                    accepted.value(), wrong.recording().expected().isEmpty() ? "nothing" : wrong.recording().expected(),
                    accepted.confidence(), wrong.second() == null ? 1 : 2);
        }
        if (verbose) {
            for (ClipResult r : report.results()) {
                out.printf("clip %s to %s: ask 1 heard '%s' -> %s %s%s -> %s%n", r.recording().file(), r.questionId(), r.first().transcript().text(),
                        r.first().value(), r.first().decision(), r.second() == null ? ""
                                : String.format("; ask 2 (%s) heard '%s' -> %s %s", r.reaskFile(), r.second().transcript().text(),
                                r.second().value(), r.second().decision()), r.outcome());
            }
            for (EvaluationReport.Transcription t : report.transcriptions()) {
                out.printf("transcribed %s: '%s' (reference '%s', %d edits)%n", t.recording().file(), t.heard(), t.recording().transcript(),
                        t.errors().edits());
            }
        }
        out.printf("character error rate, free transcription: %.1f %%%n", 100 * report.characterErrors().rate());
        out.printf("character errors, free transcription: %d of %d characters%n", report.characterErrors().edits(),
                report.characterErrors().characters());
        out.printf("cpu hearing the answers: %.2f cpu-s%n", report.answerCpuSeconds());
        out.printf("cpu transcribing freely: %.2f cpu-s%n", report.transcriptionCpuSeconds());
        out.flush();
    }

    /** Character error rate and its CPU for each way of handing telephone audio to Vosk. */
    private static void compare(PrintWriter out, VoskSpeechRecognizer recognizer, SpeechSettings settings, AnswerQuestions questions,
                                Manifest manifest, List<Manifest.Recording> recordings) {
        for (boolean up : new boolean[] {false, true}) {
            for (boolean trim : new boolean[] {false, true}) {
                SpeechSettings variant = settings.withUpsampling(up).withTrimming(trim);
                EvaluationReport report = new CorpusEvaluation(recognizer.withSettings(variant), questions)
                        .transcribe(manifest, recordings, recordings.getFirst().language());
                String name = (up ? "16 kHz resampled" : "8 kHz to vosk") + (trim ? ", trimmed" : ", untrimmed");
                out.printf("character error rate, %s: %.1f %%%n", name, 100 * report.characterErrors().rate());
                out.printf("cpu transcribing freely, %s: %.2f cpu-s%n", name, report.transcriptionCpuSeconds());
                out.flush();
            }
        }
    }
}
