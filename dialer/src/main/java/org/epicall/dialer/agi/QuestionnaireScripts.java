package org.epicall.dialer.agi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.epicall.speech.AnswerListener;
import org.epicall.speech.CallRecognizer;
import org.epicall.speech.SpeechRecognizer;
import org.epicall.speech.Transcript;
import org.epicall.speech.audio.AudioReader;
import org.epicall.speech.audio.InvalidAudioException;
import org.epicall.speech.audio.TelephoneAudio;
import org.epicall.survey.answer.AnswerInterpreter;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.answer.DecisionPolicy;
import org.epicall.survey.answer.ExpectedPhrases;
import org.epicall.survey.answer.Interpretation;
import org.epicall.survey.answer.KeypadInterpreter;
import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import org.epicall.survey.triage.Confirmation;
import org.epicall.survey.triage.TriageEvaluator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SurveyScripts} backed by the survey module (questionnaire, sequencing, interpretation,
 * decision policy, keypad, triage) and the speech module (offline recognition against the phrases
 * each question expects). Thread-safe; each call gets its own {@link SurveyScript} and recogniser.
 */
public final class QuestionnaireScripts implements SurveyScripts {

    private static final Logger log = LoggerFactory.getLogger(QuestionnaireScripts.class);

    private final Function<String, Questionnaire> questionnaires;
    private final SpeechRecognizer speech;
    private final AnswerInterpreter interpreter;
    private final KeypadInterpreter keypad;
    private final DecisionPolicy policy;
    private final AudioReader reader = new AudioReader();
    /** Expected phrases per questionnaire (as a value: each version its own), language and question. */
    private final Map<Questionnaire, Map<String, List<String>>> phrases = new ConcurrentHashMap<>();

    /**
     * @param questionnaires the questionnaire for an id; throws IllegalArgumentException if unknown
     */
    public QuestionnaireScripts(Function<String, Questionnaire> questionnaires, SpeechRecognizer speech,
            AnswerInterpreter interpreter, KeypadInterpreter keypad, DecisionPolicy policy) {
        this.questionnaires = questionnaires;
        this.speech = speech;
        this.interpreter = interpreter;
        this.keypad = keypad;
        this.policy = policy;
    }

    /** Questionnaires shipped on the classpath ({@code questionnaires/<id>.yaml}), the default policy. */
    public static QuestionnaireScripts shipped(SpeechRecognizer speech) {
        Map<String, Questionnaire> cache = new ConcurrentHashMap<>();
        return new QuestionnaireScripts(
                id -> cache.computeIfAbsent(id, k -> QuestionnaireLoader.loadResource("questionnaires/" + k + ".yaml")),
                speech, new AnswerInterpreter(), new KeypadInterpreter(), new DecisionPolicy());
    }

    @Override
    public SurveyScript open(String questionnaireId, String language) {
        return open(questionnaires.apply(questionnaireId), language);
    }

    /** A script of this questionnaire, whichever way it was found. */
    public SurveyScript open(Questionnaire questionnaire, String language) {
        if (!questionnaire.languages().contains(language)) {
            throw new IllegalArgumentException("questionnaire '" + questionnaire.id() + "' has no language '" + language
                    + "'; it has " + questionnaire.languages());
        }
        return new Script(questionnaire, language);
    }

    private List<String> phrasesFor(Question question, String language, Questionnaire questionnaire) {
        return phrases.computeIfAbsent(questionnaire, q -> new ConcurrentHashMap<>())
                .computeIfAbsent(language + "/" + question.id(), k -> ExpectedPhrases.forQuestion(question, language));
    }

    private final class Script implements SurveyScript {

        private final Questionnaire questionnaire;
        private final String language;
        private CallRecognizer recognizer;

        Script(Questionnaire questionnaire, String language) {
            this.questionnaire = questionnaire;
            this.language = language;
        }

        @Override
        public Optional<Step> next(List<AnsweredQuestion> answered) {
            String consent = questionnaire.consentQuestionId();
            return questionnaire.sequence().next(values(answered))
                    .map(q -> new Step(q.id(), q.id().equals(consent)));
        }

        @Override
        public Heard hear(Step step, Path wav, int ask) {
            Question question = question(step);
            Interpretation interpretation;
            String text = "";
            try {
                if (!Files.isRegularFile(wav) || Files.size(wav) == 0) {
                    interpretation = Interpretation.nothingHeard("no recording");
                } else {
                    // Read (and refused if silent) before a recogniser is opened or a decoding thread is used.
                    TelephoneAudio audio = reader.read(wav);
                    Transcript transcript = recognizer().recognize(audio, phrasesFor(question, language,
                            questionnaire));
                    text = transcript.text();
                    // The n-best pooled reading: a value the decoder was torn about gets a low confidence
                    // and is re-asked, where the top hypothesis alone could be accepted wrongly.
                    interpretation = AnswerListener.interpret(interpreter, question, language, transcript);
                }
            } catch (InvalidAudioException e) {
                // Silence, or not audio at all: never decoded, and nothing a voice re-ask would improve.
                interpretation = Interpretation.nothingHeard("unusable audio: " + e.getMessage());
            } catch (java.io.IOException e) {
                interpretation = Interpretation.nothingHeard("recording unreadable: " + e.getMessage());
            }
            Decision decision = policy.decide(question, interpretation, ask);
            log.debug("{} ask {}: heard '{}' -> {} ({})", step.questionId(), ask, text, interpretation, decision);
            return new Heard(text, interpretation.value(), interpretation.confidence(), decision, interpretation.doesNotKnow());
        }

        @Override
        public Optional<Object> keypad(Step step, String digits) {
            return keypad.interpret(question(step), digits).valueIfMatched();
        }

        @Override
        public boolean answeredByOneKey(Step step) {
            Question question = question(step);
            return switch (question.type()) {
                case YES_NO -> true;
                case CHOICE -> !question.choiceSpec().multiple() && question.choiceSpec().options().size() <= 9;
                default -> false;
            };
        }

        @Override
        public Optional<String> confirmation(Step step, Object value, List<AnsweredQuestion> answered) {
            return Confirmation.needed(questionnaire, step.questionId(), value, values(answered))
                    ? Optional.of(Confirmation.promptName(step.questionId(), value)) : Optional.empty();
        }

        @Override
        public List<String> triage(List<AnsweredQuestion> answers) {
            return TriageEvaluator.flags(questionnaire, values(answers));
        }

        @Override
        public void close() {
            if (recognizer != null) {
                recognizer.close();
            }
        }

        private CallRecognizer recognizer() {
            if (recognizer == null) {
                recognizer = speech.openCall(language);
            }
            return recognizer;
        }

        private Question question(Step step) {
            return questionnaire.question(step.questionId()).orElseThrow(() -> new IllegalStateException(
                    "questionnaire " + questionnaire.id() + " has no question " + step.questionId()));
        }

        private static Map<String, Object> values(List<AnsweredQuestion> answers) {
            Map<String, Object> values = new HashMap<>();
            answers.forEach(a -> values.put(a.questionId(), a.value()));
            return values;
        }
    }
}
