package org.epicall.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Parent of the {@code epicall results …} commands, for analysts reading survey results. */
@Command(name = "results",
        description = "Read survey results from Kafka.",
        subcommands = {
                org.epicall.campaign.results.ResultsTailCommand.class,
        })
public final class ResultsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
