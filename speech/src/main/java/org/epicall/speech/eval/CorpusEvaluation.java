package org.epicall.speech.eval;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import org.epicall.corpus.Manifest;
import org.epicall.speech.Answer;
import org.epicall.speech.AnswerListener;
import org.epicall.speech.CallRecognizer;
import org.epicall.speech.SpeechRecognizer;
import org.epicall.speech.audio.AudioReader;
import org.epicall.speech.audio.TelephoneAudio;
import org.epicall.survey.answer.AnswerInterpreter;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.answer.DecisionPolicy;
import org.epicall.survey.questionnaire.Question;

/**
 * Plays a corpus to the questions it answers through the full epicall path (read, trim, grammar,
 * recognise, interpret, decide), as a call would: asked, asked again if unclear, then the keypad.
 * Each recording gets its own call, so no adaptation carries over between recordings; the re-ask is
 * in the same call. Then, for the character error rate, each recording is transcribed freely (no
 * grammar) and compared with its reference transcript.
 */
public final class CorpusEvaluation {

    private final SpeechRecognizer recognizer;
    private final AnswerQuestions questions;
    private final AnswerInterpreter interpreter = new AnswerInterpreter();
    private final DecisionPolicy policy = new DecisionPolicy();
    private final AudioReader reader = new AudioReader();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    public CorpusEvaluation(SpeechRecognizer recognizer, AnswerQuestions questions) {
        this.recognizer = recognizer;
        this.questions = questions;
    }

    /** Answers and character error rate of {@code recordings} (all in {@code language}) of {@code manifest}. */
    public EvaluationReport run(Manifest manifest, List<Manifest.Recording> recordings, String language) {
        EvaluationReport answered = answers(manifest, recordings, language);
        EvaluationReport transcribed = transcribe(manifest, recordings, language);
        return new EvaluationReport(answered.results(), transcribed.transcriptions(), transcribed.audioSeconds(),
                answered.answerCpuSeconds(), transcribed.transcriptionCpuSeconds());
    }

    /** Only the answers (no free transcription, which costs several times more on a corpus Vosk does not know). */
    public EvaluationReport answers(Manifest manifest, List<Manifest.Recording> recordings, String language) {
        long start = threads.getCurrentThreadCpuTime();
        List<ClipResult> results = new ArrayList<>();
        for (Manifest.Recording recording : recordings) {
            for (Question question : questions.of(recording)) {
                results.add(play(manifest, recordings, recording, question, language));
            }
        }
        return new EvaluationReport(results, List.of(), 0, (threads.getCurrentThreadCpuTime() - start) / 1e9, 0);
    }

    /** Only the free transcriptions and their character error rate (no answers). */
    public EvaluationReport transcribe(Manifest manifest, List<Manifest.Recording> recordings, String language) {
        long start = threads.getCurrentThreadCpuTime();
        List<EvaluationReport.Transcription> transcriptions = new ArrayList<>();
        double audioSeconds = 0;
        for (Manifest.Recording recording : recordings) {
            TelephoneAudio audio = read(manifest, recording);
            audioSeconds += audio.seconds();
            try (CallRecognizer call = recognizer.openCall(language)) {
                String heard = call.recognize(audio, List.of()).text();
                transcriptions.add(new EvaluationReport.Transcription(recording, heard, CharacterErrorRate.of(recording.transcript(), heard)));
            }
        }
        double transcriptionCpu = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        return new EvaluationReport(List.of(), transcriptions, audioSeconds, 0, transcriptionCpu);
    }

    private ClipResult play(Manifest manifest, List<Manifest.Recording> all, Manifest.Recording recording, Question question, String language) {
        try (CallRecognizer call = recognizer.openCall(language)) {
            AnswerListener listener = new AnswerListener(call, interpreter, policy);
            Answer first = listener.listen(question, language, read(manifest, recording), 1);
            if (first.decision() != Decision.REASK) {
                return new ClipResult(recording, question.id(), first, null, "");
            }
            Manifest.Recording again = reask(all, recording);
            Answer second = listener.listen(question, language, read(manifest, again), 2);
            return new ClipResult(recording, question.id(), first, second, again.file());
        }
    }

    /**
     * What the resident says when asked again: the next recording of the same answer to the same
     * question (another speaker or wording), or this one again when the corpus has no other.
     */
    static Manifest.Recording reask(List<Manifest.Recording> all, Manifest.Recording recording) {
        int at = all.indexOf(recording);
        for (int step = 1; step < all.size(); step++) {
            Manifest.Recording other = all.get((at + step) % all.size());
            if (other.kind() == recording.kind() && other.kind() != Manifest.AnswerKind.OTHER
                    && other.expected().equals(recording.expected()) && other.question().equals(recording.question())
                    && !other.file().equals(recording.file())) {
                return other;
            }
        }
        return recording;
    }

    private TelephoneAudio read(Manifest manifest, Manifest.Recording recording) {
        return reader.read(new ByteArrayInputStream(manifest.bytes(recording)), recording.file());
    }
}
