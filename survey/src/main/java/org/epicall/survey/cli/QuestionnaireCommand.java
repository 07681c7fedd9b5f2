package org.epicall.survey.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code epicall questionnaire …}: check questionnaire files, and try the answer interpreter on
 * text, for the officials who write questionnaires and the engineers who tune language packs.
 */
@Command(name = "questionnaire",
        mixinStandardHelpOptions = true,
        description = "Check questionnaire files and try the answer interpreter on text.",
        subcommands = {CheckCommand.class, InterpretCommand.class, PhrasesCommand.class})
public final class QuestionnaireCommand implements Runnable {

    /** Exit code for a file that is not a valid questionnaire, or an answer that was not understood. */
    static final int INVALID = 1;
    /** Exit code for wrong usage: unknown question or language. */
    static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
