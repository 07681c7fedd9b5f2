package org.epicall.campaign.messaging;

import java.time.Duration;
import java.util.Map;

import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka cluster this process talks to: the configured one, or a broker started in-process
 * when no bootstrap servers are configured. Makes sure the epicall topics exist, retrying in the
 * background while an external cluster is unreachable, so an outage at start-up is logged and
 * waited out, never a crash.
 */
public final class KafkaEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaEndpoint.class);
    private static final Duration TOPIC_RETRY = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final EmbeddedKafkaBroker embedded;
    private final Thread topicRetry;

    private KafkaEndpoint(String bootstrapServers, EmbeddedKafkaBroker embedded, Thread topicRetry) {
        this.bootstrapServers = bootstrapServers;
        this.embedded = embedded;
        this.topicRetry = topicRetry;
    }

    /**
     * Connects to the configured cluster or starts the embedded broker.
     *
     * @throws org.epicall.kafka.embedded.EmbeddedKafkaException if the embedded broker cannot start
     *         (its data directory is in use, or the port is taken); the message says what to change
     */
    public static KafkaEndpoint start(KafkaMessagingProperties properties) {
        EmbeddedKafkaBroker broker = null;
        String servers = properties.bootstrapServers();
        if (properties.embedded()) {
            broker = EmbeddedKafkaBroker.start(new EmbeddedKafkaSettings(properties.dataDir(),
                    properties.embeddedPort(), Map.of("num.partitions", Integer.toString(properties.topicPartitions()))));
            servers = broker.bootstrapServers();
            log.info("No epicall.kafka.bootstrap-servers configured: using the embedded Kafka broker at {} (data in {})",
                    servers, properties.dataDir().toAbsolutePath());
        }
        Thread retry = null;
        if (!TopicAdministration.ensureTopics(servers, properties.topicPartitions(), properties.replicationFactor())) {
            String target = servers;
            retry = Thread.ofPlatform().name("epicall-kafka-topics").daemon().start(() -> {
                try {
                    do {
                        Thread.sleep(TOPIC_RETRY.toMillis());
                    } while (!TopicAdministration.ensureTopics(target, properties.topicPartitions(),
                            properties.replicationFactor()));
                    log.info("Kafka at {} answers now; the epicall topics exist", target);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        return new KafkaEndpoint(servers, broker, retry);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** True when this process runs the broker itself. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (topicRetry != null) {
            topicRetry.interrupt();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
