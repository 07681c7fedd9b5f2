package org.epicall.messaging;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.epicall.messaging.internal.KafkaFailures;
import org.epicall.messaging.internal.ProducerSettings;
import org.epicall.messaging.outbox.OutboxRelay;
import org.epicall.messaging.outbox.ResultOutbox;
import org.epicall.survey.call.CallResultSink;

/**
 * Everything that gets results from a node to Kafka without losing one: the outbox on local disk,
 * the idempotent {@code acks=all} producer, and the relay between them. Records an earlier run left
 * in the outbox are delivered first.
 */
public final class ResultPublisher implements AutoCloseable {

    private final ResultOutbox outbox;
    private final Producer<byte[], byte[]> producer;
    private final OutboxRelay relay;
    private final KafkaCallResultSink sink;

    private ResultPublisher(ResultOutbox outbox, Producer<byte[], byte[]> producer, OutboxRelay relay,
                            KafkaCallResultSink sink) {
        this.outbox = outbox;
        this.producer = producer;
        this.relay = relay;
        this.sink = sink;
    }

    public static ResultPublisher start(KafkaConnection connection, Path outboxDirectory, PhoneNumberDisclosure disclosure) {
        ResultOutbox outbox = ResultOutbox.open(outboxDirectory);
        Producer<byte[], byte[]> producer;
        try {
            producer = new KafkaProducer<>(ProducerSettings.reliable(connection, "epicall-results"));
        } catch (KafkaException e) {
            outbox.close();
            throw KafkaFailures.clientNotBuilt(e, connection);
        }
        OutboxRelay relay = new OutboxRelay(outbox, producer, connection);
        return new ResultPublisher(outbox, producer, relay, new KafkaCallResultSink(outbox, new EventJson(), disclosure));
    }

    /** The sink dialers report to. */
    public CallResultSink sink() {
        return sink;
    }

    /** Results kept on disk and not yet acknowledged by Kafka. */
    public int pendingCount() {
        return outbox.pendingCount();
    }

    /**
     * Stops sending, gives records already handed to the producer a few seconds to be acknowledged,
     * and leaves the rest in the outbox for the next run.
     */
    @Override
    public void close() {
        relay.close();
        producer.close(Duration.ofSeconds(5));
        outbox.close();
    }
}
