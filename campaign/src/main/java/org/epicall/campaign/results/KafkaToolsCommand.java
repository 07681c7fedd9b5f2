package org.epicall.campaign.results;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code epicall kafka …}: Kafka's own command-line tools and a single-node broker, from the jars epicall carries. */
@Command(name = "kafka",
        description = "Kafka's own tools and a single-node broker, run from the Kafka jars (no Kafka installation needed).",
        subcommands = {KafkaConsoleConsumerCommand.class, KafkaBrokerCommand.class})
public final class KafkaToolsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
