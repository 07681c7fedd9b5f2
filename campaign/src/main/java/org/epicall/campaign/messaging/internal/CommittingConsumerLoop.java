package org.epicall.campaign.messaging.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.epicall.campaign.messaging.EventFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one topic in a consumer group on its own thread, hands each record to a handler in offset
 * order per partition, and commits a record's offset only after the handler returned. A handler
 * that throws gets the same record again after a pause; a record that is not valid JSON for the
 * topic is logged with its partition and offset and skipped, so one bad record cannot stop a node.
 */
public final class CommittingConsumerLoop<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommittingConsumerLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration HANDLER_RETRY_BACKOFF = Duration.ofSeconds(1);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final String bootstrapServers;
    private final Function<byte[], T> reader;
    private final Consumer<T> handler;
    private final Thread thread;
    private volatile boolean running = true;

    public CommittingConsumerLoop(String bootstrapServers, String groupId, String topic, int maxPollRecords,
                                  Function<byte[], T> reader, Consumer<T> handler) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.reader = reader;
        this.handler = handler;
        this.thread = Thread.ofPlatform().name("epicall-consumer-" + topic).daemon().unstarted(this::run);
    }

    public CommittingConsumerLoop<T> start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    handle(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (KafkaException e) {
            log.error("Consumer of {} at {} stopped: {}. Restart epicall once the broker is reachable.",
                    topic, bootstrapServers, e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        boolean failed = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                if (failed || !running) {
                    break;
                }
                if (accept(record)) {
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                } else {
                    failed = true;
                }
            }
        }
        commit(done);
        if (failed || !running) {
            rewind(records, done);
        }
        if (failed) {
            pause();
        }
    }

    private boolean accept(ConsumerRecord<byte[], byte[]> record) {
        T value;
        try {
            value = reader.apply(record.value());
        } catch (EventFormatException e) {
            log.error("Skipping record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return true;
        }
        try {
            handler.accept(value);
            return true;
        } catch (RuntimeException e) {
            log.warn("Handler refused record {}-{}@{} ({}); it is offered again in {} s", record.topic(),
                    record.partition(), record.offset(), e.toString(), HANDLER_RETRY_BACKOFF.toSeconds());
            return false;
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        if (done.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(done);
        } catch (KafkaException e) {
            // The records were handled; they may come again after a rebalance and are idempotent by attempt id.
            log.warn("Could not commit offsets {} on {}: {}", done, topic, e.toString());
        }
    }

    private void rewind(ConsumerRecords<byte[], byte[]> records, Map<TopicPartition, OffsetAndMetadata> done) {
        for (TopicPartition partition : records.partitions()) {
            OffsetAndMetadata committed = done.get(partition);
            long next = committed != null ? committed.offset() : records.records(partition).getFirst().offset();
            consumer.seek(partition, next);
        }
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(HANDLER_RETRY_BACKOFF.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
