package org.epicall.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.epicall.messaging.internal.Acknowledged;
import org.epicall.messaging.internal.ProducerSettings;
import org.epicall.survey.call.DialRequest;

/**
 * Publishes dial requests to {@value Topics#DIAL_REQUESTS}, keyed by contact, idempotently with
 * {@code acks=all}.
 *
 * <p>Unlike results, dial requests need no outbox: the campaign's database is their record. The
 * returned future fails if the broker has not acknowledged within two minutes; the scheduler then
 * leaves the attempt to be swept and rescheduled. Thread-safe.
 */
public final class DialRequestPublisher implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final EventJson json = new EventJson();

    public DialRequestPublisher(KafkaConnection connection) {
        Map<String, Object> props = ProducerSettings.reliable(connection, "epicall-dial-requests");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(2).toMillis());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        this.producer = new KafkaProducer<>(props);
    }

    /** Completes with the record's position once the broker has it on all in-sync replicas. */
    public CompletableFuture<RecordMetadata> publish(DialRequest request) {
        return Acknowledged.send(producer, new ProducerRecord<>(Topics.DIAL_REQUESTS,
                request.contactRef().getBytes(StandardCharsets.UTF_8), json.dialRequest(request)));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
