package org.epicall.messaging;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka cluster this process talks to. Makes sure the epicall topics exist, retrying in the
 * background while the cluster is unreachable, so an outage at start-up is logged and waited out,
 * never a crash.
 */
public final class KafkaEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaEndpoint.class);
    private static final Duration TOPIC_RETRY = Duration.ofSeconds(10);

    private final KafkaConnection connection;
    private final Thread topicRetry;

    private KafkaEndpoint(KafkaConnection connection, Thread topicRetry) {
        this.connection = connection;
        this.topicRetry = topicRetry;
    }

    /**
     * Creates the missing epicall topics on the cluster, or, if it does not answer, keeps trying in
     * the background.
     *
     * @param topicPartitions   partitions of each topic it creates
     * @param replicationFactor replicas of each topic it creates
     */
    public static KafkaEndpoint connect(KafkaConnection connection, int topicPartitions, short replicationFactor) {
        Thread retry = null;
        if (!TopicAdministration.ensureTopics(connection, topicPartitions, replicationFactor)) {
            retry = Thread.ofPlatform().name("epicall-kafka-topics").daemon().start(() -> {
                try {
                    do {
                        Thread.sleep(TOPIC_RETRY.toMillis());
                    } while (!TopicAdministration.ensureTopics(connection, topicPartitions, replicationFactor));
                    log.info("Kafka at {} answers now; the epicall topics exist", connection);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        return new KafkaEndpoint(connection, retry);
    }

    public KafkaConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        if (topicRetry != null) {
            topicRetry.interrupt();
        }
    }
}
