package org.epicall.survey.cli;

import java.nio.file.Path;
import java.util.List;

import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireLoader;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code --questionnaire FILE --question ID} options shared by the commands that try one question. */
final class QuestionnaireSource {

    static final String SHIPPED = "questionnaires/covid-checkin.yaml";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--questionnaire", paramLabel = "FILE",
            description = "Questionnaire YAML file (default: the shipped COVID-19 check-in).")
    Path file;

    @Option(names = "--question", paramLabel = "ID", required = true, description = "Id of the question, e.g. temperature.")
    String questionId;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "ko", description = "Language pack: ko or en (default: ${DEFAULT-VALUE}).")
    String language;

    Questionnaire questionnaire() {
        return file == null ? QuestionnaireLoader.loadResource(SHIPPED) : QuestionnaireLoader.load(file);
    }

    Question question(Questionnaire questionnaire) {
        return questionnaire.question(questionId).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "No question '" + questionId + "' in " + questionnaire.id() + "; its questions are "
                        + questionnaire.questions().stream().map(Question::id).toList()));
    }

    void requireLanguage(Questionnaire questionnaire) {
        List<String> languages = questionnaire.languages();
        if (!languages.contains(language)) {
            throw new ParameterException(spec.commandLine(), "Questionnaire " + questionnaire.id() + " is in " + languages
                    + ", not '" + language + "'");
        }
    }
}
