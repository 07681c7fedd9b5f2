package org.epicall.speech;

import org.epicall.speech.audio.TelephoneAudio;
import org.epicall.survey.answer.AnswerInterpreter;
import org.epicall.survey.answer.DecisionPolicy;
import org.epicall.survey.answer.ExpectedPhrases;
import org.epicall.survey.answer.Interpretation;
import org.epicall.survey.questionnaire.Question;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Hears one answer to one question: recognises it against the question's expected phrases,
 * interprets it, and decides accept / re-ask / keypad.
 *
 * <p>The value is what the decoder's best hypothesis means; the answer's confidence is the
 * posterior probability of that value: every n-best hypothesis is interpreted, and the hypotheses
 * that mean the same value pool their probability (weighted by the interpreter's own confidence in
 * each reading). "아니요" and "아니요 없어요" thus support each other, while hypotheses that mean
 * something else, nothing, or are garbage take probability away. A value the decoder was torn about
 * gets a low confidence and is re-asked rather than recorded; a value only a weaker hypothesis
 * holds is never taken. This is the roll-up of word confidences: each word's confidence is
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

    /**
     * The value the decoder's best hypothesis means, with the posterior of that value over the
     * n-best list as its confidence. Only the best hypothesis may name the value: a value found only
     * further down the list was not what the resident was heard to say (a clip heard as "아닙니다"
     * must not become Thailand because a weaker hypothesis said "태국"). The other hypotheses only
     * vote on how sure that reading is: those meaning the same value add their probability (weighted
     * by the interpreter's confidence in each reading); those meaning anything else take it away. If
     * the best hypothesis means nothing, or that the resident does not know, so does the answer.
     */
    public static Interpretation interpret(AnswerInterpreter interpreter, Question question, String language, Transcript transcript) {
        List<Transcript.Alternative> alternatives = transcript.alternatives().isEmpty()
                ? List.of(new Transcript.Alternative(transcript.text(), transcript.confidence()))
                : transcript.alternatives();
        Interpretation best = interpreter.interpret(question, language, alternatives.getFirst().text(), 1.0);
        if (!best.matched()) {
            return best;
        }
        Object value = key(best.value());
        double mass = alternatives.getFirst().posterior() * best.confidence();
        for (Transcript.Alternative alternative : alternatives.subList(1, alternatives.size())) {
            Interpretation reading = interpreter.interpret(question, language, alternative.text(), 1.0);
            if (reading.matched() && key(reading.value()).equals(value)) {
                mass += alternative.posterior() * reading.confidence();
            }
        }
        return Interpretation.of(best.value(), Math.min(1.0, mass), best.note());
    }

    /** Values that are equal as answers group together (37.5 and 37.50 are one temperature). */
    private static Object key(Object value) {
        return value instanceof BigDecimal number ? number.stripTrailingZeros() : value;
    }
}
