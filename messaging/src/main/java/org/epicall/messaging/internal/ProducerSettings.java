package org.epicall.messaging.internal;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.epicall.messaging.KafkaConnection;

/** Producer configurations, each stated once with the reason for its values. */
public final class ProducerSettings {

    private ProducerSettings() {
    }

    /**
     * Idempotent, {@code acks=all}, and never giving up on a record: a record waits in the
     * producer, with its sequence number, for as long as the broker is away, and is then written
     * exactly once. {@code max.block.ms} is short so that a send while no metadata is known fails
     * fast (nothing sent, safe to retry) instead of stalling the relay for a minute.
     */
    public static Map<String, Object> reliable(KafkaConnection connection, String clientId) {
        Map<String, Object> props = common(connection, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        return props;
    }

    /** Batching shared by every producer: results are small JSON documents that compress well. */
    public static Map<String, Object> common(KafkaConnection connection, String clientId) {
        Map<String, Object> props = connection.clientProperties();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.ByteArraySerializer");
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.ByteArraySerializer");
        return props;
    }
}
