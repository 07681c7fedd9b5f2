package org.epicall.campaign.results;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.kafka.embedded.EmbeddedKafkaException;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.TopicAdministration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code epicall kafka broker}: a single-node Kafka (KRaft) on localhost with the epicall topics, from the
 * jars epicall carries, until stopped. For trying the services out on one machine and for tests that run
 * them as separate processes; a deployment runs a real Kafka cluster.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a single-node Kafka broker (KRaft) on localhost with the epicall topics, until stopped."
                + " For trials on one machine; production runs a Kafka cluster.")
public final class KafkaBrokerCommand implements Callable<Integer> {

    @Option(names = "--data-dir", required = true, description = "Where the broker keeps its data (kept across runs).")
    Path dataDir;

    @Option(names = "--port", defaultValue = "9092", description = "Client port on localhost; 0 picks one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of each epicall topic (default ${DEFAULT-VALUE}).")
    int partitions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(new EmbeddedKafkaSettings(dataDir, port,
                    Map.of("num.partitions", Integer.toString(partitions))));
        } catch (EmbeddedKafkaException e) {
            spec.commandLine().getErr().println("kafka broker: " + e.getMessage());
            return 2;
        }
        if (!TopicAdministration.ensureTopics(KafkaConnection.plaintext(broker.bootstrapServers()), partitions, (short) 1)) {
            broker.close();
            spec.commandLine().getErr().println("kafka broker: the broker did not create the epicall topics; see the log");
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-broker-stop"));
        spec.commandLine().getOut().printf("Kafka broker ready at %s (data in %s)%n", broker.bootstrapServers(),
                broker.dataDirectory());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
