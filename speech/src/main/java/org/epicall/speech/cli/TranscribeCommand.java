package org.epicall.speech.cli;

import org.epicall.speech.Answer;
import org.epicall.speech.AnswerListener;
import org.epicall.speech.CallRecognizer;
import org.epicall.speech.SpeechRecognizer;
import org.epicall.speech.SpeechSettings;
import org.epicall.speech.audio.AudioReader;
import org.epicall.speech.audio.InvalidAudioException;
import org.epicall.speech.audio.TelephoneAudio;
import org.epicall.speech.internal.VoskSpeechRecognizer;
import org.epicall.speech.model.ModelSettings;
import org.epicall.speech.model.ModelStore;
import org.epicall.speech.model.ModelUnavailableException;
import org.epicall.survey.answer.AnswerInterpreter;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.answer.DecisionPolicy;
import org.epicall.survey.language.LanguagePackException;
import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.QuestionType;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireException;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code epicall transcribe}: recognises one recorded answer and prints one JSON object with the
 * transcript, the typed answer, its confidence, the decision and the audio's length.
 *
 * <p>Exit codes: 0 done (whatever the decision), 2 bad input (audio, questionnaire, question,
 * language), 3 no speech model.
 */
@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = {"Recognise one recorded answer (16-bit mono WAV, 8 kHz telephone or 16 kHz) and print it as JSON.",
                "Without --question, the answer is read as the questionnaire's yes/no or number question, whichever fits best."})
public final class TranscribeCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;
    static final int NO_MODEL = 3;
    private static final String DEFAULT_QUESTIONNAIRE = "questionnaires/covid-checkin.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--lang", required = true, description = "Language of the answer: ko or en.")
    String language;

    @Option(names = "--questionnaire", paramLabel = "FILE", description = "Questionnaire YAML (default: the shipped COVID check-in).")
    Path questionnaireFile;

    @Option(names = "--question", paramLabel = "ID", description = "Id of the question the answer replies to.")
    String questionId;

    @Option(names = "--model", paramLabel = "DIR", description = "Vosk model directory (else epicall.speech.models.<lang>.path, the cache, or a download).")
    Path modelDir;

    @Option(names = "--upsample", description = "Resample 8 kHz audio to 16 kHz before Vosk instead of handing it the 8 kHz samples "
            + "(the default, measured better on natural speech).")
    boolean upsample;

    @Parameters(paramLabel = "FILE.wav", description = "The recorded answer.")
    Path wav;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final SpeechRecognizer injected;

    public TranscribeCommand() {
        this(null);
    }

    /** With a recognizer already loaded, e.g. shared by tests; the command does not close it. */
    public TranscribeCommand(SpeechRecognizer recognizer) {
        this.injected = recognizer;
    }

    @Override
    public Integer call() {
        try {
            Questionnaire questionnaire = questionnaireFile != null ? QuestionnaireLoader.load(questionnaireFile)
                    : QuestionnaireLoader.loadResource(DEFAULT_QUESTIONNAIRE);
            if (!questionnaire.languages().contains(language)) {
                return fail(BAD_INPUT, "language '" + language + "' is not one of the questionnaire's languages " + questionnaire.languages());
            }
            List<Question> candidates = candidates(questionnaire);
            TelephoneAudio audio = new AudioReader().read(wav);
            Answer answer = recognise(candidates, audio);
            spec.commandLine().getOut().println(JSON.writeValueAsString(json(answer, audio)));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (InvalidAudioException e) {
            return fail(BAD_INPUT, e.getMessage());
        } catch (QuestionnaireException | LanguagePackException e) {
            return fail(BAD_INPUT, e.getMessage());
        } catch (ModelUnavailableException e) {
            return fail(NO_MODEL, e.getMessage());
        } catch (IllegalArgumentException e) {
            return fail(BAD_INPUT, e.getMessage());
        }
    }

    private List<Question> candidates(Questionnaire questionnaire) {
        if (questionId != null) {
            return List.of(questionnaire.question(questionId).orElseThrow(() -> new IllegalArgumentException(
                    "question '" + questionId + "' is not in " + questionnaire.id() + "; its questions are "
                            + String.join(", ", questionnaire.questions().stream().map(Question::id).toList()))));
        }
        List<Question> guess = new ArrayList<>();
        for (QuestionType type : List.of(QuestionType.YES_NO, QuestionType.NUMBER)) {
            questionnaire.questions().stream().filter(q -> q.type() == type).findFirst().ifPresent(guess::add);
        }
        if (guess.isEmpty()) {
            throw new IllegalArgumentException(questionnaire.id() + " has no yes/no or number question to read the answer as; name one with --question");
        }
        return guess;
    }

    /** Each candidate question gets its own grammar; the reading the recogniser is surest of wins. */
    private Answer recognise(List<Question> candidates, TelephoneAudio audio) {
        SpeechRecognizer recognizer = injected != null ? injected : ownRecognizer();
        try (CallRecognizer call = recognizer.openCall(language)) {
            AnswerListener listener = new AnswerListener(call, new AnswerInterpreter(), new DecisionPolicy());
            return candidates.stream().map(q -> listener.listen(q, language, audio, 1))
                    .max(Comparator.comparingDouble(Answer::confidence)).orElseThrow();
        } finally {
            if (injected == null && recognizer instanceof VoskSpeechRecognizer own) {
                own.close();
            }
        }
    }

    private SpeechRecognizer ownRecognizer() {
        ModelSettings settings = ModelSettings.fromEnvironment();
        if (modelDir != null && settings.models().containsKey(language)) {
            settings = settings.with(settings.models().get(language).withPath(modelDir));
        }
        return new VoskSpeechRecognizer(new ModelStore(settings), SpeechSettings.defaults().withUpsampling(upsample));
    }

    private Map<String, Object> json(Answer answer, TelephoneAudio audio) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", wav.toString());
        out.put("language", language);
        out.put("question", answer.questionId());
        out.put("transcript", answer.transcript().text());
        Object value = answer.value();
        out.put("answer", value instanceof BigDecimal number ? new BigDecimal(number.stripTrailingZeros().toPlainString()) : value);
        out.put("answer_label", value instanceof Boolean yes ? (yes ? "yes" : "no") : value == null ? "no match" : String.valueOf(out.get("answer")));
        out.put("confidence", Math.round(answer.confidence() * 1000) / 1000.0);
        out.put("decision", decision(answer.decision()));
        out.put("note", answer.interpretation().note());
        out.put("audio_seconds", Math.round(audio.seconds() * 1000) / 1000.0);
        out.put("grammar_used", answer.transcript().grammarUsed());
        return out;
    }

    static String decision(Decision decision) {
        return decision == Decision.REASK ? "re-ask" : decision.name().toLowerCase(Locale.ROOT);
    }

    private int fail(int code, String message) {
        spec.commandLine().getErr().println("epicall transcribe: " + message);
        spec.commandLine().getErr().flush();
        return code;
    }
}
