package org.epicall.app.demo.stack;

import java.nio.file.Path;
import java.util.Map;

import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.TopicAdministration;

/**
 * The demo's Kafka: a KRaft broker in this JVM, keeping its data in {@code dataDirectory} so that
 * {@code epicall results tail} can read the results afterwards, with the epicall topics created.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** Partitions per topic: a few, so the dial requests could be shared by several dialer nodes. */
    static final int PARTITIONS = 3;

    private final EmbeddedKafkaBroker broker;

    private EmbeddedKafka(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts the broker and creates the topics.
     *
     * @throws org.epicall.kafka.embedded.EmbeddedKafkaException if the broker cannot start
     * @throws IllegalStateException if the topics cannot be created
     */
    public static EmbeddedKafka start(Path dataDirectory, int port) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(new EmbeddedKafkaSettings(dataDirectory, port,
                Map.of("num.partitions", Integer.toString(PARTITIONS))));
        try {
            if (!TopicAdministration.ensureTopics(KafkaConnection.plaintext(broker.bootstrapServers()), PARTITIONS, (short) 1)) {
                throw new IllegalStateException("the embedded Kafka broker at " + broker.bootstrapServers()
                        + " did not create the epicall topics; see the log");
            }
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return new EmbeddedKafka(broker);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** How this process's own clients reach the broker: plaintext on localhost. */
    public KafkaConnection connection() {
        return KafkaConnection.plaintext(broker.bootstrapServers());
    }

    public Path dataDirectory() {
        return broker.dataDirectory();
    }

    /** Stops the broker; its data stays on disk. */
    @Override
    public void close() {
        broker.stop();
    }
}
