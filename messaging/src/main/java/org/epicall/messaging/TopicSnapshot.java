package org.epicall.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from its beginning up to the end offsets it has when the read starts, without a
 * consumer group (nothing is committed, nobody else's position moves). For reports and tests.
 */
public final class TopicSnapshot {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private TopicSnapshot() {
    }

    /** Record values in partition order, each partition in offset order. */
    public static List<byte[]> values(KafkaConnection connection, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(connection)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, DEADLINE));
            List<byte[]> values = new ArrayList<>();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), DEADLINE) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + DEADLINE);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        values.add(r.value());
                    }
                }
            }
            return values;
        }
    }

    /** The end offset of each topic, summed over its partitions: how many records were written. */
    public static Map<String, Long> endOffsets(KafkaConnection connection, List<String> topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(connection)) {
            Map<String, Long> offsets = new LinkedHashMap<>();
            for (String topic : topics) {
                offsets.put(topic, consumer.endOffsets(partitions(consumer, topic), DEADLINE).values().stream()
                        .mapToLong(Long::longValue).sum());
            }
            return offsets;
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, DEADLINE);
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static KafkaConsumer<byte[], byte[]> consumer(KafkaConnection connection) {
        Map<String, Object> props = connection.clientProperties();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "epicall-snapshot-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
