package org.epicall.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Root of the {@code epicall} command line; each feature module contributes its subcommands. */
@Command(name = "epicall",
        mixinStandardHelpOptions = true,
        version = "epicall 0.1.0",
        description = "Offline automated outbound health check-in calls.",
        subcommands = {
                CommandLine.HelpCommand.class,
                org.epicall.speech.cli.TranscribeCommand.class,
                BenchCommand.class,
                org.epicall.campaign.cli.CampaignServiceCommand.class,
                org.epicall.dialer.service.cli.DialerCommand.class,
                ResultsCommand.class,
                org.epicall.app.demo.DemoCommand.class,
                org.epicall.survey.cli.QuestionnaireCommand.class,
                org.epicall.campaign.prompt.PromptsCommand.class,
                org.epicall.pbx.cli.PbxSimCommand.class,
                org.epicall.campaign.results.KafkaToolsCommand.class,
        })
public final class EpicallCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new CommandLine(new EpicallCommand()), args));
    }

    /**
     * Runs the command line. A first word that names no command is refused, with or without {@code --help}
     * after it: picocli would print the root usage for {@code epicall frobnicate --help} and exit 0, as if the
     * command existed.
     */
    static int run(CommandLine epicall, String... args) {
        if (args.length > 0 && !args[0].startsWith("-") && !epicall.getSubcommands().containsKey(args[0])) {
            epicall.getErr().println("epicall: '" + args[0] + "' is not a command. Commands: "
                    + String.join(", ", epicall.getSubcommands().keySet()) + ". See epicall --help.");
            epicall.getErr().flush();
            return CommandLine.ExitCode.USAGE;
        }
        return epicall.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
