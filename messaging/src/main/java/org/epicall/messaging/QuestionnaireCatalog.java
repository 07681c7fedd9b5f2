package org.epicall.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.epicall.messaging.internal.KafkaFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every questionnaire version published on {@value Topics#QUESTIONNAIRES}, as a dialer node needs them: the
 * whole topic is read from its beginning without a consumer group (every node needs every version), and what
 * comes later is picked up on demand. A version asked for and not yet seen is looked for up to the topic's
 * current end before the answer is no, so a dial request that overtook its questionnaire is not refused.
 *
 * <p>Thread-safe; reads are serialised (one consumer).
 */
public final class QuestionnaireCatalog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QuestionnaireCatalog.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    private final KafkaConnection connection;
    private final EventJson json = new EventJson();
    private final Map<String, QuestionnaireEvent> versions = new ConcurrentHashMap<>();
    private KafkaConsumer<byte[], byte[]> consumer;

    private QuestionnaireCatalog(KafkaConnection connection) {
        this.connection = connection;
    }

    /** A catalog that reads the topic when first asked (so a node starts while Kafka is away). */
    public static QuestionnaireCatalog of(KafkaConnection connection) {
        return new QuestionnaireCatalog(connection);
    }

    /** What {@link #find} answers. */
    public sealed interface Lookup {
    }

    /** The version is known. */
    public record Found(QuestionnaireEvent event) implements Lookup {
    }

    /** The topic was read to its end and holds no such version. */
    public record Missing(String reason) implements Lookup {
    }

    /** The topic could not be read to its end now (Kafka away): ask again later. */
    public record Unknown(String reason) implements Lookup {
    }

    /** The version, reading what was published since the last look if it is not known yet. */
    public synchronized Lookup find(String questionnaireId, String version) {
        String key = QuestionnaireEvent.key(questionnaireId, version);
        QuestionnaireEvent known = versions.get(key);
        if (known != null) {
            return new Found(known);
        }
        try {
            if (!readToEnd()) {
                return new Unknown(Topics.QUESTIONNAIRES + " at " + connection + " could not be read to its end"
                        + " within " + CATCH_UP.toSeconds() + " s");
            }
        } catch (KafkaException e) {
            return new Unknown(Topics.QUESTIONNAIRES + " at " + connection + ": " + KafkaFailures.describe(e, connection));
        }
        known = versions.get(key);
        return known != null ? new Found(known)
                : new Missing("questionnaire " + key + " was never published on " + Topics.QUESTIONNAIRES);
    }

    /** Versions read so far. */
    public int size() {
        return versions.size();
    }

    private boolean readToEnd() {
        KafkaConsumer<byte[], byte[]> c = consumer();
        List<TopicPartition> partitions = c.partitionsFor(Topics.QUESTIONNAIRES, CATCH_UP).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        if (partitions.isEmpty()) {
            return true;
        }
        if (!c.assignment().containsAll(partitions)) {
            c.assign(partitions);
            c.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> end = c.endOffsets(partitions, CATCH_UP);
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (partitions.stream().anyMatch(p -> c.position(p, CATCH_UP) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                if (r.value() == null) {
                    continue;
                }
                try {
                    QuestionnaireEvent event = json.readQuestionnaire(r.value());
                    versions.put(event.key(), event);
                } catch (EventFormatException e) {
                    log.error("Skipping record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
                }
            }
        }
        return true;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        if (consumer == null) {
            Map<String, Object> props = connection.clientProperties();
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "epicall-questionnaires-" + UUID.randomUUID());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return consumer;
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** For messages: the versions known, by key. */
    public Optional<QuestionnaireEvent> known(String questionnaireId, String version) {
        return Optional.ofNullable(versions.get(QuestionnaireEvent.key(questionnaireId, version)));
    }
}
