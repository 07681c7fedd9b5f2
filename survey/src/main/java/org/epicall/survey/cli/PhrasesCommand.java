package org.epicall.survey.cli;

import java.util.concurrent.Callable;

import org.epicall.survey.answer.ExpectedPhrases;
import org.epicall.survey.language.LanguagePackException;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code epicall questionnaire phrases --question fever --lang ko}: the phrases a recogniser grammar gets. */
@Command(name = "phrases", mixinStandardHelpOptions = true,
        description = "List the phrases the interpreter understands for a question (the recogniser grammar), one per line.")
final class PhrasesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    QuestionnaireSource source;

    @Override
    public Integer call() {
        try {
            Questionnaire questionnaire = source.questionnaire();
            source.requireLanguage(questionnaire);
            ExpectedPhrases.forQuestion(source.question(questionnaire), source.language).forEach(spec.commandLine().getOut()::println);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (QuestionnaireException | LanguagePackException problem) {
            spec.commandLine().getErr().println(problem.getMessage());
            return QuestionnaireCommand.USAGE;
        }
    }
}
