package org.epicall.speech;

import org.epicall.speech.audio.TelephoneAudio;
import org.epicall.survey.answer.AnswerInterpreter;
import org.epicall.survey.answer.DecisionPolicy;
import org.epicall.survey.answer.ExpectedPhrases;
import org.epicall.survey.answer.Interpretation;
import org.epicall.survey.questionnaire.Question;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Hears one answer to one question: recognises it against the question's expected phrases,
 * interprets it, and decides accept / re-ask / keypad.
 *
 * <p>The answer's confidence is the posterior probability of its value: every n-best hypothesis is
 * interpreted, and the hypotheses that mean the same value pool their probability (weighted by the
 * interpreter's own confidence in each reading). "아니요" and "아니요 없어요" thus support each other,
 * while hypotheses that mean something else, nothing, or are garbage take probability away. A value
 * the decoder was torn about, or found only far down its list, gets a low confidence and is
 * re-asked rather than recorded. This is the roll-up of word confidences: each word's confidence is
 * the same posterior mass, taken over the hypotheses that hold that word.
 *
 * <p>Not thread-safe: one per call, like its {@link CallRecognizer}, which it does not own.
 */
public final class AnswerListener {

    private final CallRecognizer call;
    private final AnswerInterpreter interpreter;
    private final DecisionPolicy policy;

    public AnswerListener(CallRecognizer call, AnswerInterpreter interpreter, DecisionPolicy policy) {
        this.call = Objects.requireNonNull(call, "call");
        this.interpreter = Objects.requireNonNull(interpreter, "interpreter");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Listens to a recorded answer file; see {@link #listen(Question, String, TelephoneAudio, int)}. */
    public Answer listen(Question question, String language, Path wav, int askNumber) {
        return decide(question, language, call.recognize(wav, ExpectedPhrases.forQuestion(question, language)), askNumber);
    }

    /**
     * Listens to one answer.
     *
     * @param question  the question asked
     * @param language  the call's language ({@code ko}, {@code en})
     * @param audio     the resident's answer
     * @param askNumber 1 for the first ask, 2 for the re-ask, …
     */
    public Answer listen(Question question, String language, TelephoneAudio audio, int askNumber) {
        return decide(question, language, call.recognize(audio, ExpectedPhrases.forQuestion(question, language)), askNumber);
    }

    /** Interprets and decides on a transcript already made (e.g. against several questions' phrases). */
    public Answer decide(Question question, String language, Transcript transcript, int askNumber) {
        Interpretation interpretation = interpret(interpreter, question, language, transcript);
        return new Answer(question.id(), transcript, interpretation, policy.decide(question, interpretation, askNumber));
    }

    /** The most probable value over the transcript's n-best list, with its posterior as confidence. */
    public static Interpretation interpret(AnswerInterpreter interpreter, Question question, String language, Transcript transcript) {
        Map<Object, Double> mass = new LinkedHashMap<>();
        Map<Object, Interpretation> firstReading = new LinkedHashMap<>();
        Interpretation topReading = null;
        List<Transcript.Alternative> alternatives = transcript.alternatives().isEmpty()
                ? List.of(new Transcript.Alternative(transcript.text(), transcript.confidence()))
                : transcript.alternatives();
        for (Transcript.Alternative alternative : alternatives) {
            Interpretation reading = interpreter.interpret(question, language, alternative.text(), 1.0);
            if (topReading == null) {
                topReading = reading;
            }
            if (reading.matched()) {
                Object key = key(reading.value());
                mass.merge(key, alternative.posterior() * reading.confidence(), Double::sum);
                firstReading.putIfAbsent(key, reading);
            }
        }
        if (mass.isEmpty()) {
            return topReading != null && !topReading.matched() ? topReading : Interpretation.noMatch("nothing was heard");
        }
        Map.Entry<Object, Double> best = mass.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        Interpretation reading = firstReading.get(best.getKey());
        return Interpretation.of(reading.value(), Math.min(1.0, best.getValue()), reading.note());
    }

    /** Values that are equal as answers group together (37.5 and 37.50 are one temperature). */
    private static Object key(Object value) {
        return value instanceof BigDecimal number ? number.stripTrailingZeros() : value;
    }
}
