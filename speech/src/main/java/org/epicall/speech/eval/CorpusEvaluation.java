package org.epicall.speech.eval;

import org.epicall.corpus.Corpus;
import org.epicall.speech.AnswerListener;
import org.epicall.speech.CallRecognizer;
import org.epicall.speech.SpeechRecognizer;
import org.epicall.speech.audio.AudioReader;
import org.epicall.speech.audio.TelephoneAudio;
import org.epicall.survey.answer.AnswerInterpreter;
import org.epicall.survey.answer.DecisionPolicy;
import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.Questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs corpus clips through the full epicall path (read, validate, grammar, recognise, interpret,
 * decide) on the first ask, as a call would. Each clip gets its own call, so no speaker adaptation
 * carries over between clips.
 */
public final class CorpusEvaluation {

    private final SpeechRecognizer recognizer;
    private final Questionnaire questionnaire;
    private final AnswerInterpreter interpreter = new AnswerInterpreter();
    private final DecisionPolicy policy = new DecisionPolicy();
    private final AudioReader reader = new AudioReader();

    public CorpusEvaluation(SpeechRecognizer recognizer, Questionnaire questionnaire) {
        this.recognizer = recognizer;
        this.questionnaire = questionnaire;
    }

    public EvaluationReport run(List<Corpus.Clip> clips, String language, boolean upsampled) {
        List<ClipResult> results = new ArrayList<>();
        for (Corpus.Clip clip : clips) {
            Question question = questionnaire.question(clip.question()).orElseThrow(() -> new IllegalStateException(
                    "corpus clip " + clip.file() + " names question '" + clip.question() + "', which " + questionnaire.id() + " lacks"));
            try (CallRecognizer call = recognizer.openCall(language)) {
                AnswerListener listener = new AnswerListener(call, interpreter, policy);
                results.add(new ClipResult(clip, listener.listen(question, language, read(clip), 1)));
            }
        }
        return new EvaluationReport(language, upsampled, results);
    }

    private TelephoneAudio read(Corpus.Clip clip) {
        try (InputStream in = clip.open()) {
            return reader.read(in, clip.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
