package org.epicall.survey.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.epicall.survey.answer.AnswerInterpreter;
import org.epicall.survey.answer.DecisionPolicy;
import org.epicall.survey.answer.Interpretation;
import org.epicall.survey.answer.KeypadInterpreter;
import org.epicall.survey.language.LanguagePackException;
import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code epicall questionnaire interpret --question temperature --lang ko 삼십칠 점 오}: prints one JSON
 * object with the typed value, confidence, note and the decision on a first ask.
 */
@Command(name = "interpret", mixinStandardHelpOptions = true,
        description = "Interpret a transcript (or keypad entry) as an answer to a question; print JSON. Exit 1 on no match.")
final class InterpretCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    @Mixin
    QuestionnaireSource source;

    @Option(names = "--confidence", defaultValue = "1.0", description = "Recogniser confidence 0..1 (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--ask", defaultValue = "1", description = "Which ask this answer came on, for the decision (default: ${DEFAULT-VALUE}).")
    int ask;

    @Option(names = "--keys", description = "Treat the input as keypad keys, e.g. 37*5#.")
    boolean keys;

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "What the resident said (or pressed).")
    List<String> words;

    @Override
    public Integer call() {
        try {
            Questionnaire questionnaire = source.questionnaire();
            source.requireLanguage(questionnaire);
            Question question = source.question(questionnaire);
            String input = String.join(" ", words);
            if (!(confidence >= 0 && confidence <= 1)) {
                spec.commandLine().getErr().println("--confidence must be between 0 and 1, was " + confidence);
                return QuestionnaireCommand.USAGE;
            }
            Interpretation interpretation = keys
                    ? new KeypadInterpreter().interpret(question, input)
                    : new AnswerInterpreter().interpret(question, source.language, input, confidence);
            DecisionPolicy policy = new DecisionPolicy();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("question", question.id());
            result.put("language", source.language);
            result.put(keys ? "keys" : "transcript", input);
            result.put("value", interpretation.value());
            result.put("confidence", interpretation.confidence());
            result.put("note", interpretation.note());
            result.put("decision", (keys ? policy.decideKeypad(interpretation, ask) : policy.decide(question, interpretation, ask))
                    .name().toLowerCase(java.util.Locale.ROOT));
            spec.commandLine().getOut().println(JSON.writeValueAsString(result));
            spec.commandLine().getOut().flush();
            return interpretation.matched() ? 0 : QuestionnaireCommand.INVALID;
        } catch (QuestionnaireException | LanguagePackException problem) {
            spec.commandLine().getErr().println(problem.getMessage());
            return QuestionnaireCommand.USAGE;
        }
    }
}
