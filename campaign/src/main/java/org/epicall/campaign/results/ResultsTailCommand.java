package org.epicall.campaign.results;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.KafkaException;
import org.epicall.kafka.embedded.EmbeddedKafkaException;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.Topics;
import org.epicall.messaging.internal.KafkaFailures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code epicall results tail}: prints survey results from Kafka, one JSON document per line. */
@Command(name = "tail",
        mixinStandardHelpOptions = true,
        description = {
                "Print the survey results on " + Topics.SURVEY_RESULTS + ", one JSON document per line.",
                "Without --bootstrap-servers it reads the embedded broker: the one a running epicall uses on "
                        + "--data-dir, or one it starts there itself."})
public final class ResultsTailCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka cluster to read from (default: the embedded broker).")
    String bootstrapServers;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Kafka client properties for a secured cluster: security.protocol, sasl.mechanism,"
                    + " sasl.jaas.config, ssl.truststore.location|password|type (as kafka-console-consumer reads them).")
    Path commandConfig;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/kafka",
            description = "Data directory of the embedded broker (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new results as they arrive (Ctrl-C stops).")
    boolean follow;

    @Option(names = "--from-beginning", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Start with the oldest result (default); --no-from-beginning prints only new ones.")
    boolean fromBeginning;

    @Option(names = {"-n", "--max-results"}, paramLabel = "N", defaultValue = "0",
            description = "Stop after N results (default: no limit).")
    long maxResults;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: let the loop end and a broker started here shut down cleanly before the JVM goes.
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        KafkaConnection connection = null;
        try (ToolBroker broker = ToolBroker.resolve(bootstrapServers, commandConfig, dataDir)) {
            connection = broker.connection();
            new ResultTail(fromBeginning, follow, maxResults).run(connection, spec.commandLine().getOut(), err, stop::get);
            return 0;
        } catch (EmbeddedKafkaException | IllegalArgumentException e) {
            err.println("epicall results tail: " + e.getMessage());
            return 2;
        } catch (KafkaException e) {
            err.println("epicall results tail: could not read " + Topics.SURVEY_RESULTS + " from "
                    + (connection == null ? "the embedded broker" : connection) + ": "
                    + (connection != null && KafkaFailures.refused(e) ? KafkaFailures.describe(e, connection)
                    : e.getMessage() + ". Check that the broker runs and the address is right."));
            return 2;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The JVM is exiting anyway.
            }
        }
    }
}
