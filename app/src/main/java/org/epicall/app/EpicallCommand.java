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
     * Runs the command line. A word that names no command is refused, naming it, with or without {@code --help}
     * after it, at any level: picocli would print the usage of the command above it for {@code epicall frobnicate
     * --help} or {@code epicall prompts frobnicate --help} and exit 0, as if the command existed.
     */
    static int run(CommandLine epicall, String... args) {
        CommandLine command = epicall;
        for (String arg : args) {
            if (arg.startsWith("-")) {
                break; // what follows may be an option's value: picocli judges it
            }
            CommandLine sub = command.getSubcommands().get(arg);
            if (sub != null) {
                command = sub;
                continue;
            }
            if (command.getCommandSpec().positionalParameters().isEmpty()) {
                return refuse(command, arg);
            }
            break;
        }
        return epicall.execute(args);
    }

    private static int refuse(CommandLine command, String word) {
        String name = command.getCommandSpec().qualifiedName();
        var err = command.getErr();
        if (command.getSubcommands().isEmpty()) {
            err.println(name + ": '" + word + "' is not an argument it takes. See " + name + " --help.");
        } else {
            err.println(name + ": '" + word + "' is not a command. Commands: "
                    + String.join(", ", command.getSubcommands().keySet()) + ". See " + name + " --help.");
        }
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
