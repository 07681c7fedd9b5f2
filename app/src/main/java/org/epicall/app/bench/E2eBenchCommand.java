package org.epicall.app.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.epicall.dialer.agi.QuestionnaireScripts;
import org.epicall.app.demo.DemoLogging;
import org.epicall.app.demo.DemoRoster;
import org.epicall.app.demo.DemoRunner;
import org.epicall.app.demo.DemoSettings;
import org.epicall.app.demo.progress.DemoProgress;
import org.epicall.app.demo.progress.ProgressDisplay;
import org.epicall.app.demo.summary.CampaignRecords;
import org.epicall.speech.SpeechSettings;
import org.epicall.speech.internal.VoskSpeechRecognizer;
import org.epicall.survey.call.SurveyStatus;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code epicall bench e2e}: completed surveys per second and CPU per survey through the whole
 * embedded stack (PBX simulator over AMI and FastAGI, Vosk, Kafka, campaign service), CPU per stage
 * to name the bottleneck, and beside it recognition alone on the same recordings.
 */
@Command(name = "e2e",
        mixinStandardHelpOptions = true,
        description = {"Completed surveys/s and CPU-seconds per survey through the whole embedded stack, CPU per"
                + " stage, and the bound recognition alone sets on the same recordings, measured in the same run."})
public final class E2eBenchCommand implements Callable<Integer> {

    /** CPU per survey before issue 9's speech changes (BENCHMARKS.md), which the run's figure is compared with. */
    static final double BASELINE_CPU_PER_SURVEY = 1.331;
    static final String BASELINE_WHEN = "measured 2026-11-22 on nearly idle cores before issue 9";

    @Option(names = "--residents", defaultValue = "100", description = "Residents, all answering (default: ${DEFAULT-VALUE}).")
    int residents;

    @Option(names = "--time-scale", defaultValue = "100", description = "PBX time scale (default: ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(names = "--calls-per-second", defaultValue = "50", description = "Originate rate (default: ${DEFAULT-VALUE}).")
    double callsPerSecond;

    @Option(names = "--max-channels", defaultValue = "100", description = "Concurrent calls (default: ${DEFAULT-VALUE}).")
    int maxChannels;

    @Option(names = "--data-dir", defaultValue = "var/bench-e2e", description = "Working directory (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--seed", defaultValue = "7", description = "Population seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        DemoSettings settings = new DemoSettings(residents, DemoSettings.Population.ANSWERING, seed, timeScale, 0,
                dataDirectory, false, false, callsPerSecond, maxChannels, 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMinutes(60), Duration.ofMinutes(30));
        int cores = Runtime.getRuntime().availableProcessors();
        try (DemoRunner run = new DemoRunner(settings, quiet, Clock.systemUTC())) {
            DemoLogging.toFile(run.directory().resolve("epicall.log"));
            run.start();
            CpuSnapshot before = CpuSnapshot.take();
            long recognitionBefore = run.recognition().cpuNanos();
            run.launch();
            DemoProgress last = run.awaitFinished(ProgressDisplay.forConsole(System.err, false, Duration.ofSeconds(10)));
            CpuSnapshot after = CpuSnapshot.take();
            Duration wall = run.summary().elapsed();
            if (!last.done()) {
                System.err.println("epicall bench e2e: not every resident was accounted for; figures cover what finished");
            }
            CampaignRecords records = run.records();
            long surveys = records.surveys().size();
            long complete = records.surveysByStatus().getOrDefault(SurveyStatus.COMPLETE, 0L);
            double seconds = wall.toNanos() / 1e9;
            double processCpu = (after.processNanos() - before.processNanos()) / 1e9;
            Map<Stage, Long> stages = after.since(before);
            double recognitionCpu = (run.recognition().cpuNanos() - recognitionBefore) / 1e9;

            Questionnaire questionnaire = QuestionnaireLoader.loadResource(DemoRunner.QUESTIONNAIRE);
            RecordingReplay.Result replay = RecordingReplay.replay(run.recordings(),
                    QuestionnaireScripts.shipped(run.speech()), questionnaire.id(),
                    DemoRoster.LANGUAGE);
            double replayCpu = replay.cpuNanos() / 1e9;
            // The same recordings heard with Kaldi's own frames per chunk (the decoder setting before
            // this was measured), and the way they were before issue 9 (also 16 kHz resampling, no
            // trimming). Each loads the model once more, before its CPU is counted.
            SpeechSettings now = run.speech().settings();
            RecordingReplay.Result kaldiChunks = replay(run, questionnaire, now.withFramesPerChunk(0));
            RecordingReplay.Result before9 = replay(run, questionnaire,
                    now.withUpsampling(true).withTrimming(false).withFramesPerChunk(0));

            line(out, "residents", residents, "residents");
            line(out, "surveys finished", surveys, "surveys");
            line(out, "complete surveys", complete, "surveys");
            line(out, "answers recognised", run.recognition().recognitions(), "answers");
            line(out, "answers recognised per survey", (double) run.recognition().recognitions() / Math.max(1, surveys),
                    "answers/survey (re-asks included; answers keyed in or silent are never decoded)");
            line(out, "wall time", seconds, "s");
            line(out, "completed surveys/s", complete / seconds, "surveys/s");
            line(out, "finished surveys/s", surveys / seconds, "surveys/s");
            line(out, "process cpu", processCpu, "cpu-s");
            line(out, "cpu per survey", processCpu / surveys, "cpu-s/survey");
            line(out, "cpu per completed survey", processCpu / Math.max(1, complete), "cpu-s/survey (goal 0.6)");
            line(out, "baseline cpu per survey", BASELINE_CPU_PER_SURVEY, "cpu-s/survey (" + BASELINE_WHEN + ", not this run)");
            line(out, "cpu utilisation", processCpu / seconds / cores * 100, "% of " + cores + " cores");
            Stage bottleneck = Stage.OTHER;
            for (Map.Entry<Stage, Long> e : stages.entrySet()) {
                double s = e.getValue() / 1e9;
                line(out, "cpu " + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '), s / surveys,
                        String.format(Locale.ROOT, "cpu-s/survey (%.1f %%, %s)", 100 * s / processCpu,
                                e.getKey().description()));
                if (e.getKey() != Stage.OTHER && e.getValue() > stages.get(bottleneck)) {
                    bottleneck = e.getKey();
                }
            }
            double inThreads = stages.values().stream().mapToLong(Long::longValue).sum() / 1e9;
            line(out, "cpu outside java threads", Math.max(0, processCpu - inThreads) / surveys,
                    String.format(Locale.ROOT, "cpu-s/survey (%.1f %%, GC, JIT and native threads)",
                            100 * Math.max(0, processCpu - inThreads) / processCpu));
            line(out, "cpu recognition pool", recognitionCpu / surveys, "cpu-s/survey");
            out.printf(Locale.ROOT, "bottleneck: %s, %.1f %% of the process cpu%n",
                    bottleneck.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    100.0 * stages.get(bottleneck) / 1e9 / processCpu);
            line(out, "baseline recognition alone", replayCpu / surveys, "cpu-s/survey (same "
                    + replay.recordings() + " recordings, one thread)");
            line(out, "recognition alone, 20 frames per chunk", kaldiChunks.cpuNanos() / 1e9 / surveys,
                    "cpu-s/survey (same recordings, Kaldi's own frames per chunk as before, against "
                            + now.framesPerChunk() + " now)");
            line(out, "recognition alone, 16 kHz untrimmed as before", before9.cpuNanos() / 1e9 / surveys,
                    "cpu-s/survey (same recordings, the speech settings before issue 9)");
            double bound = cores / (replayCpu / surveys);
            line(out, "baseline upper bound", bound, "surveys/s (" + cores + " cores busy recognising only)");
            line(out, "ratio to recognition-only bound", (surveys / seconds) / bound, "");
            return 0;
        }
    }

    private static RecordingReplay.Result replay(DemoRunner run, Questionnaire questionnaire, SpeechSettings settings) {
        VoskSpeechRecognizer speech = run.speech().withSettings(settings);
        speech.preload(DemoRoster.LANGUAGE);
        return RecordingReplay.replay(run.recordings(), QuestionnaireScripts.shipped(speech), questionnaire.id(),
                DemoRoster.LANGUAGE);
    }

    private static void line(PrintStream out, String name, double value, String unit) {
        out.printf(Locale.ROOT, "%s: %.3f %s%n", name, value, unit);
    }

    private static void line(PrintStream out, String name, long value, String unit) {
        out.printf(Locale.ROOT, "%s: %d %s%n", name, value, unit);
    }
}
