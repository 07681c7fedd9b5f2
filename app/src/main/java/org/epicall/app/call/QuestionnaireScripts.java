package org.epicall.app.call;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.epicall.dialer.agi.SurveyScript;
import org.epicall.dialer.agi.SurveyScripts;
import org.epicall.speech.SpeechRecognizer;
import org.epicall.survey.answer.AnswerInterpreter;
import org.epicall.survey.answer.DecisionPolicy;
import org.epicall.survey.answer.ExpectedPhrases;
import org.epicall.survey.answer.KeypadInterpreter;
import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.Questionnaire;

/**
 * Survey scripts that run real questionnaires: questions in the questionnaire's order with its
 * follow-ups, voice answers recognised by the {@link SpeechRecognizer} against each question's
 * expected phrases and read by the {@link AnswerInterpreter}, keypad answers by the
 * {@link KeypadInterpreter}, and triage by the questionnaire's rules.
 *
 * <p>Thread-safe: one instance serves every call; each {@link #open} returns a script owned by
 * one call.
 */
public final class QuestionnaireScripts implements SurveyScripts {

    private final Map<String, Questionnaire> questionnaires;
    private final SpeechRecognizer speech;
    private final AnswerInterpreter interpreter;
    private final KeypadInterpreter keypad;
    private final DecisionPolicy policy;
    private final Map<String, List<String>> phrases = new ConcurrentHashMap<>();

    public QuestionnaireScripts(List<Questionnaire> questionnaires, SpeechRecognizer speech) {
        this(questionnaires, speech, new AnswerInterpreter(), new KeypadInterpreter(), new DecisionPolicy());
    }

    public QuestionnaireScripts(List<Questionnaire> questionnaires, SpeechRecognizer speech,
                                AnswerInterpreter interpreter, KeypadInterpreter keypad, DecisionPolicy policy) {
        this.questionnaires = questionnaires.stream()
                .collect(Collectors.toUnmodifiableMap(Questionnaire::id, Function.identity()));
        this.speech = Objects.requireNonNull(speech, "speech");
        this.interpreter = Objects.requireNonNull(interpreter, "interpreter");
        this.keypad = Objects.requireNonNull(keypad, "keypad");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public SurveyScript open(String questionnaireId, String language) {
        Questionnaire questionnaire = questionnaires.get(questionnaireId);
        if (questionnaire == null) {
            throw new IllegalArgumentException("unknown questionnaire '" + questionnaireId + "'; this dialer knows "
                    + questionnaires.keySet());
        }
        if (!questionnaire.languages().contains(language)) {
            throw new IllegalArgumentException("questionnaire '" + questionnaireId + "' has no language '" + language
                    + "'; it is given in " + questionnaire.languages());
        }
        return new QuestionnaireScript(questionnaire, language, () -> speech.openCall(language), this::phrasesFor,
                interpreter, keypad, policy);
    }

    private List<String> phrasesFor(Question question, String language) {
        return phrases.computeIfAbsent(question.id() + "\u0000" + language + "\u0000" + System.identityHashCode(question),
                k -> ExpectedPhrases.forQuestion(question, language));
    }
}
