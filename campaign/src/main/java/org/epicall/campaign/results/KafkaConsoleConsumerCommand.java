package org.epicall.campaign.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.consumer.ConsoleConsumer;
import org.epicall.kafka.embedded.EmbeddedKafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code epicall kafka console-consumer …}: Kafka's own {@code kafka-console-consumer}, run from the
 * Kafka jars epicall carries, since no Kafka distribution need be installed. Every argument goes to
 * it unchanged, except {@code --data-dir}: without {@code --bootstrap-server} it reads the embedded
 * broker on that directory (default {@code data/kafka}). A secured cluster's settings go in a client
 * properties file given with Kafka's own {@code --consumer.config}.
 */
@Command(name = "console-consumer",
        description = {"Kafka's own console consumer (org.apache.kafka.tools.consumer.ConsoleConsumer); all "
                + "arguments are passed to it, e.g. --topic epicall.survey-results --from-beginning.",
                "Without --bootstrap-server it reads the embedded broker on --data-dir (default data/kafka)."})
public final class KafkaConsoleConsumerCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/kafka",
            description = "Data directory of the embedded broker to read when no --bootstrap-server is given "
                    + "(default: ${DEFAULT-VALUE}); not passed to Kafka.")
    Path dataDir;

    @CommandLine.Unmatched
    List<String> kafkaArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>(kafkaArguments);
        boolean named = args.stream().anyMatch(a -> a.equals("--bootstrap-server") || a.startsWith("--bootstrap-server="));
        if (named) {
            return runConsoleConsumer(args.toArray(String[]::new));
        }
        try (ToolBroker broker = ToolBroker.resolve(null, null, dataDir)) {
            args.addAll(0, List.of("--bootstrap-server", broker.connection().bootstrapServers()));
            return runConsoleConsumer(args.toArray(String[]::new));
        } catch (EmbeddedKafkaException e) {
            spec.commandLine().getErr().println("epicall kafka console-consumer: " + e.getMessage());
            return 2;
        }
    }

    /** Kafka's tool ends with {@code Exit.exit} on bad arguments; that becomes our exit code, not a JVM exit. */
    private static int runConsoleConsumer(String[] args) throws Exception {
        Exit.setExitProcedure((status, message) -> {
            throw new ToolExit(status);
        });
        try {
            ConsoleConsumer.main(args);
            return 0;
        } catch (ToolExit e) {
            return e.status;
        } finally {
            Exit.resetExitProcedure();
        }
    }

    private static final class ToolExit extends RuntimeException {
        private final int status;

        ToolExit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }
}
