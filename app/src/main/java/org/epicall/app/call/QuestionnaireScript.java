package org.epicall.app.call;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.epicall.dialer.agi.SurveyScript;
import org.epicall.speech.CallRecognizer;
import org.epicall.speech.Transcript;
import org.epicall.speech.audio.InvalidAudioException;
import org.epicall.survey.answer.AnswerInterpreter;
import org.epicall.survey.answer.DecisionPolicy;
import org.epicall.survey.answer.Interpretation;
import org.epicall.survey.answer.KeypadInterpreter;
import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.triage.TriageEvaluator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One call's run through a questionnaire. Not thread-safe; the recogniser is opened on the first voice answer. */
final class QuestionnaireScript implements SurveyScript {

    private static final Logger log = LoggerFactory.getLogger(QuestionnaireScript.class);

    private final Questionnaire questionnaire;
    private final String language;
    private final Supplier<CallRecognizer> recognizers;
    private final BiFunction<Question, String, List<String>> phrases;
    private final AnswerInterpreter interpreter;
    private final KeypadInterpreter keypad;
    private final DecisionPolicy policy;
    private CallRecognizer recognizer;

    QuestionnaireScript(Questionnaire questionnaire, String language, Supplier<CallRecognizer> recognizers,
                        BiFunction<Question, String, List<String>> phrases, AnswerInterpreter interpreter,
                        KeypadInterpreter keypad, DecisionPolicy policy) {
        this.questionnaire = questionnaire;
        this.language = language;
        this.recognizers = recognizers;
        this.phrases = phrases;
        this.interpreter = interpreter;
        this.keypad = keypad;
        this.policy = policy;
    }

    @Override
    public Optional<Step> next(List<AnsweredQuestion> answered) {
        Map<String, Object> values = values(answered);
        if (questionnaire.sequence().declined(values)) {
            return Optional.empty();
        }
        return questionnaire.sequence().next(values)
                .map(q -> new Step(q.id(), q.id().equals(questionnaire.consentQuestionId())));
    }

    @Override
    public Heard hear(Step step, Path wav, int ask) {
        Question question = question(step);
        if (wav == null || !hasAudio(wav)) {
            return unheard(question, ask, "nothing was recorded");
        }
        Transcript transcript;
        try {
            transcript = recognizer().recognize(wav, phrases.apply(question, language));
        } catch (InvalidAudioException e) {
            return unheard(question, ask, e.getMessage());
        }
        Interpretation meaning = interpreter.interpret(question, language, transcript.text(), transcript.confidence());
        return new Heard(transcript.text(), meaning.value(), meaning.confidence(), policy.decide(question, meaning, ask));
    }

    @Override
    public Optional<Object> keypad(Step step, String digits) {
        return keypad.interpret(question(step), digits).valueIfMatched();
    }

    @Override
    public List<String> triage(List<AnsweredQuestion> answers) {
        return TriageEvaluator.flags(questionnaire, values(answers));
    }

    @Override
    public void close() {
        if (recognizer != null) {
            recognizer.close();
            recognizer = null;
        }
    }

    private Heard unheard(Question question, int ask, String why) {
        log.debug("question {} ask {}: {}", question.id(), ask, why);
        Interpretation none = Interpretation.noMatch(why);
        return new Heard("", null, 0, policy.decide(question, none, ask));
    }

    private CallRecognizer recognizer() {
        if (recognizer == null) {
            recognizer = recognizers.get();
        }
        return recognizer;
    }

    private Question question(Step step) {
        return questionnaire.question(step.questionId()).orElseThrow(() -> new IllegalArgumentException(
                "question '" + step.questionId() + "' is not in questionnaire " + questionnaire.id()));
    }

    private static Map<String, Object> values(List<AnsweredQuestion> answered) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (AnsweredQuestion a : answered) {
            values.put(a.questionId(), a.value());
        }
        return values;
    }

    private static boolean hasAudio(Path wav) {
        try {
            return Files.isRegularFile(wav) && Files.size(wav) > 44;
        } catch (IOException e) {
            return false;
        }
    }
}
