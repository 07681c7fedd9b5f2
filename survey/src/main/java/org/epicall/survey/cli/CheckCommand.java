package org.epicall.survey.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireException;
import org.epicall.survey.questionnaire.QuestionnaireLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code epicall questionnaire check FILE...}: validates files and lists every problem found. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate questionnaire files; print every problem with its path and line. Exit 1 if any file is invalid.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Questionnaire YAML files.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = 0;
        for (Path file : files) {
            try {
                Questionnaire questionnaire = QuestionnaireLoader.load(file);
                out.printf("%s: OK, %s version %s, %d questions in %s, %d triage rules%n", file, questionnaire.id(),
                        questionnaire.version(), questionnaire.questions().size(), questionnaire.languages(),
                        questionnaire.triageRules().size());
            } catch (QuestionnaireException invalid) {
                err.println(invalid.getMessage());
                exit = QuestionnaireCommand.INVALID;
            }
        }
        out.flush();
        err.flush();
        return exit;
    }
}
