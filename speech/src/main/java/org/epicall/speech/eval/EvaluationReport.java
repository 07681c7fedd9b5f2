package org.epicall.speech.eval;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.epicall.corpus.Manifest;

/**
 * What a corpus run found.
 *
 * @param results           one per recording and question it was played to
 * @param transcriptions    one free transcription per recording
 * @param audioSeconds      the corpus's audio, seconds
 * @param answerCpuSeconds  CPU spent hearing the answers (both asks), seconds
 * @param transcriptionCpuSeconds CPU spent on the free transcriptions, seconds
 */
public record EvaluationReport(List<ClipResult> results, List<Transcription> transcriptions, double audioSeconds,
                               double answerCpuSeconds, double transcriptionCpuSeconds) {

    /**
     * A recording transcribed freely.
     *
     * @param recording what was said
     * @param heard     what was transcribed
     * @param errors    the character edits between them
     */
    public record Transcription(Manifest.Recording recording, String heard, CharacterErrorRate errors) {
    }

    public EvaluationReport {
        results = List.copyOf(results);
        transcriptions = List.copyOf(transcriptions);
    }

    /** How many results of {@code kind} ended as {@code outcome}. */
    public long count(Manifest.AnswerKind kind, ClipResult.Outcome outcome) {
        return count(r -> r.recording().kind() == kind && r.outcome() == outcome);
    }

    /** Results per outcome for {@code kind}, every outcome present (0 when none). */
    public Map<ClipResult.Outcome, Long> outcomes(Manifest.AnswerKind kind) {
        Map<ClipResult.Outcome, Long> counts = new EnumMap<>(ClipResult.Outcome.class);
        for (ClipResult.Outcome outcome : ClipResult.Outcome.values()) {
            counts.put(outcome, count(kind, outcome));
        }
        return counts;
    }

    /** The answer kinds present, in the manifest's enum order. */
    public List<Manifest.AnswerKind> kinds() {
        return java.util.Arrays.stream(Manifest.AnswerKind.values())
                .filter(kind -> results.stream().anyMatch(r -> r.recording().kind() == kind)).toList();
    }

    public long count(Predicate<ClipResult> which) {
        return results.stream().filter(which).count();
    }

    /** The results whose accepted value is not what was said: the goal is none. */
    public List<ClipResult> wrongAccepted() {
        return results.stream().filter(r -> r.outcome() == ClipResult.Outcome.WRONG_ACCEPTED).toList();
    }

    /** Character error rate of free transcription over all recordings. */
    public CharacterErrorRate characterErrors() {
        return transcriptions.stream().map(Transcription::errors).reduce(CharacterErrorRate.NONE, CharacterErrorRate::plus);
    }

    /** Share of the results of {@code kind} that ended as {@code outcome}, 0..1. */
    public double share(Manifest.AnswerKind kind, ClipResult.Outcome outcome) {
        long all = count(r -> r.recording().kind() == kind);
        return all == 0 ? 0 : (double) count(kind, outcome) / all;
    }
}
