package org.epicall.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.epicall.messaging.internal.Acknowledged;
import org.epicall.messaging.internal.ProducerSettings;

/**
 * Publishes questionnaire versions to {@value Topics#QUESTIONNAIRES}, keyed by {@code <id>@<version>},
 * idempotently with {@code acks=all}. Publishing a version again is harmless: compaction keeps one. Thread-safe.
 */
public final class QuestionnairePublisher implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final EventJson json = new EventJson();

    public QuestionnairePublisher(KafkaConnection connection) {
        Map<String, Object> props = ProducerSettings.reliable(connection, "epicall-questionnaires");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(2).toMillis());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(props);
    }

    /** Completes once the broker has the version on all in-sync replicas. */
    public CompletableFuture<Void> publish(QuestionnaireEvent event) {
        return Acknowledged.send(producer, new ProducerRecord<>(Topics.QUESTIONNAIRES,
                event.key().getBytes(StandardCharsets.UTF_8), json.questionnaire(event))).thenApply(metadata -> null);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
