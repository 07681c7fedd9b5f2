package org.epicall.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.epicall.dialer.agi.SurveyScript;
import org.epicall.dialer.agi.SurveyScripts;

/**
 * The baseline of the end-to-end benchmark: recognition alone, on the very recordings the calls
 * made, on this (platform) thread, through the same survey scripts (grammar, recognition,
 * interpretation), with one script per call as on the phone. No telephony, no Kafka, no database.
 */
final class RecordingReplay {

    /** What replaying took. */
    record Result(int recordings, int calls, long cpuNanos) {
    }

    private RecordingReplay() {
    }

    /**
     * @param recordings the dialer's recordings of one campaign, named {@code <attemptId>-<questionId>-<ask>.wav}
     */
    static Result replay(Path recordings, SurveyScripts scripts, String questionnaireId, String language) {
        Map<String, List<Recording>> byCall = new TreeMap<>();
        try (Stream<Path> files = Files.list(recordings)) {
            files.filter(f -> f.getFileName().toString().endsWith(".wav")).map(Recording::parse)
                    .forEach(r -> byCall.computeIfAbsent(r.attemptId(), k -> new java.util.ArrayList<>()).add(r));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the recordings in " + recordings, e);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int count = 0;
        long start = mx.getCurrentThreadCpuTime();
        for (List<Recording> call : byCall.values()) {
            try (SurveyScript script = scripts.open(questionnaireId, language)) {
                for (Recording r : call) {
                    script.hear(new SurveyScript.Step(r.questionId(), false), r.file(), r.ask());
                    count++;
                }
            }
        }
        return new Result(count, byCall.size(), mx.getCurrentThreadCpuTime() - start);
    }

    /** One recording: the attempt id is a UUID, the question id may hold dashes or underscores. */
    record Recording(Path file, String attemptId, String questionId, int ask) {

        static Recording parse(Path file) {
            String name = file.getFileName().toString();
            String stem = name.substring(0, name.length() - ".wav".length());
            int lastDash = stem.lastIndexOf('-');
            String attemptId = stem.substring(0, 36);
            return new Recording(file, attemptId, stem.substring(37, lastDash),
                    Integer.parseInt(stem.substring(lastDash + 1)));
        }
    }
}
