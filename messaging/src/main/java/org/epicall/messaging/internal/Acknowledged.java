package org.epicall.messaging.internal;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** A record sent by a publisher whose caller waits for the broker, not for a callback. */
public final class Acknowledged {

    private Acknowledged() {
    }

    /**
     * Sends {@code record}; the future completes with its position once the broker acknowledged it, or fails
     * with the send's error, including one {@code send} throws at once (a closed producer, a full buffer).
     */
    public static CompletableFuture<RecordMetadata> send(Producer<byte[], byte[]> producer,
                                                         ProducerRecord<byte[], byte[]> record) {
        CompletableFuture<RecordMetadata> done = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    done.complete(metadata);
                } else {
                    done.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }
}
