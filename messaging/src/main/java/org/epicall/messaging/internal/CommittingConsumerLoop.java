package org.epicall.messaging.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
import org.epicall.messaging.BatchHandler;
import org.epicall.messaging.BatchHandler.Verdict;
import org.epicall.messaging.EventFormatException;
import org.epicall.messaging.KafkaConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one topic in a consumer group on its own thread and hands each poll to a {@link BatchHandler}:
 * prepare, one {@code commitSync} for the whole poll, then committed / not committed. A record the
 * handler wants again is offered again after a pause, with everything after it in its partition; a
 * record that is not valid JSON for the topic is logged with its partition and offset and skipped,
 * so one bad record cannot stop a node. Nothing is committed except by that one commit per poll: a
 * consumer that dies in between leaves the poll to whichever consumer gets its partitions.
 *
 * <p>While its {@linkplain #whileTaking condition} is false the loop leaves the group, so that the
 * partitions go to consumers that can take records, and joins again once it is true.
 */
public final class CommittingConsumerLoop<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommittingConsumerLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration HANDLER_RETRY_BACKOFF = Duration.ofSeconds(1);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final String groupId;
    private final KafkaConnection connection;
    private final Function<byte[], T> reader;
    private final BatchHandler<T> handler;
    private final Thread thread;
    private volatile BooleanSupplier taking = () -> true;
    private volatile boolean running = true;
    private volatile boolean subscribed;

    /**
     * One record at a time: its offset is committed after {@code handler} returned; a handler that
     * throws gets the same record again after a pause.
     */
    public CommittingConsumerLoop(KafkaConnection connection, String groupId, String topic, int maxPollRecords,
                                  Function<byte[], T> reader, Consumer<T> handler) {
        this(connection, groupId, topic, maxPollRecords, reader, (BatchHandler<T>) null, handler);
    }

    public CommittingConsumerLoop(KafkaConnection connection, String groupId, String topic, int maxPollRecords,
                                  Function<byte[], T> reader, BatchHandler<T> handler) {
        this(connection, groupId, topic, maxPollRecords, reader, handler, null);
    }

    private CommittingConsumerLoop(KafkaConnection connection, String groupId, String topic, int maxPollRecords,
                                   Function<byte[], T> reader, BatchHandler<T> batchHandler, Consumer<T> recordHandler) {
        Map<String, Object> props = connection.clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.groupId = groupId;
        this.connection = connection;
        this.reader = reader;
        this.handler = batchHandler != null ? batchHandler : new OneByOne(recordHandler);
        this.thread = Thread.ofPlatform().name("epicall-consumer-" + topic).daemon().unstarted(this::run);
    }

    /** Takes records only while {@code condition} holds; set before {@link #start}. */
    public CommittingConsumerLoop<T> whileTaking(BooleanSupplier condition) {
        this.taking = condition;
        return this;
    }

    public CommittingConsumerLoop<T> start() {
        thread.start();
        return this;
    }

    /** False once the loop has stopped, closed or failed (the log says why). */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** True while this consumer is a member of its group, taking records. */
    public boolean isSubscribed() {
        return subscribed;
    }

    private void run() {
        try {
            while (running) {
                if (!taking.getAsBoolean()) {
                    leaveGroup();
                    TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
                    continue;
                }
                if (!subscribed) {
                    consumer.subscribe(List.of(topic));
                    subscribed = true;
                    log.info("Consuming {} in group {}", topic, groupId);
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    handle(records);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (KafkaException e) {
            log.error("Consumer of {} at {} stopped: {}. Restart epicall once {}.", topic, connection,
                    KafkaFailures.describe(e, connection), KafkaFailures.refused(e) ? "that is fixed" : "the broker is reachable");
        } finally {
            subscribed = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void leaveGroup() {
        if (subscribed) {
            consumer.unsubscribe();
            subscribed = false;
            log.warn("Stopped consuming {}: this consumer cannot take records now; its partitions go to the rest of "
                    + "group {}", topic, groupId);
        }
    }

    /** A record of the poll and its value, or null if it could not be read. */
    private record Polled<T>(TopicPartition partition, ConsumerRecord<byte[], byte[]> record, T value) {
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) {
        List<Polled<T>> polled = new ArrayList<>(records.count());
        List<T> values = new ArrayList<>(records.count());
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                T value = read(record);
                polled.add(new Polled<>(partition, record, value));
                if (value != null) {
                    values.add(value);
                }
            }
        }
        List<Verdict> verdicts;
        try {
            verdicts = values.isEmpty() ? List.of() : handler.prepare(values);
            if (verdicts.size() != values.size()) {
                throw new IllegalStateException(verdicts.size() + " verdicts for " + values.size() + " records");
            }
        } catch (RuntimeException e) {
            log.warn("Handler failed on {} records of {} ({}); they are offered again in {} s", values.size(), topic,
                    e.toString(), HANDLER_RETRY_BACKOFF.toSeconds());
            rewind(records, Map.of());
            pause();
            return;
        }
        settle(records, polled, verdicts);
    }

    private void settle(ConsumerRecords<byte[], byte[]> records, List<Polled<T>> polled, List<Verdict> verdicts) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        List<T> done = new ArrayList<>();
        List<T> behindAgain = new ArrayList<>();
        Map<TopicPartition, Long> again = new HashMap<>();
        int next = 0;
        for (Polled<T> p : polled) {
            Verdict verdict = p.value() == null ? Verdict.DONE : verdicts.get(next++);
            if (again.containsKey(p.partition())) {
                if (p.value() != null && verdict == Verdict.DONE) {
                    behindAgain.add(p.value());
                }
            } else if (verdict == Verdict.AGAIN) {
                again.put(p.partition(), p.record().offset());
                log.info("Record {}-{}@{} is offered again in {} s", topic, p.partition().partition(),
                        p.record().offset(), HANDLER_RETRY_BACKOFF.toSeconds());
            } else {
                offsets.put(p.partition(), new OffsetAndMetadata(p.record().offset() + 1));
                if (p.value() != null) {
                    done.add(p.value());
                }
            }
        }
        boolean committed = commit(offsets);
        if (!done.isEmpty()) {
            phaseTwo(committed, done);
        }
        if (!behindAgain.isEmpty()) {
            phaseTwo(false, behindAgain);
        }
        if (!again.isEmpty()) {
            rewind(records, offsets);
            if (running) {
                pause();
            }
        }
    }

    // The offsets are settled by now either way; a handler failing here cannot be helped by offering the
    // records again, so it is logged and the loop goes on rather than leaving the group.
    private void phaseTwo(boolean committed, List<T> records) {
        try {
            if (committed) {
                handler.committed(records);
            } else {
                handler.notCommitted(records);
            }
        } catch (RuntimeException e) {
            log.error("Handler failed after the offsets of {} records of {} were {}: {}", records.size(), topic,
                    committed ? "committed" : "left uncommitted", e.toString(), e);
        }
    }

    private T read(ConsumerRecord<byte[], byte[]> record) {
        try {
            return reader.apply(record.value());
        } catch (EventFormatException e) {
            log.error("Skipping record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return null;
        }
    }

    /** @return whether the offsets are committed (true when there is nothing to commit) */
    private boolean commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return true;
        }
        try {
            consumer.commitSync(offsets);
            return true;
        } catch (KafkaException e) {
            log.warn("Could not commit offsets {} on {}: {}; the records are not committed and may be offered to "
                    + "another consumer", offsets, topic, e.toString());
            return false;
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

    /** A record handler as a batch handler: stops at the first record it throws on, or when closing. */
    private final class OneByOne implements BatchHandler<T> {

        private final Consumer<T> handler;

        OneByOne(Consumer<T> handler) {
            this.handler = handler;
        }

        @Override
        public List<Verdict> prepare(List<T> records) {
            List<Verdict> verdicts = new ArrayList<>(records.size());
            boolean stopped = false;
            for (T record : records) {
                stopped = stopped || !running || !handled(record);
                verdicts.add(stopped ? Verdict.AGAIN : Verdict.DONE);
            }
            return verdicts;
        }

        private boolean handled(T record) {
            try {
                handler.accept(record);
                return true;
            } catch (RuntimeException e) {
                log.warn("Handler refused a record of {} ({})", topic, e.toString());
                return false;
            }
        }

        @Override
        public void committed(List<T> records) {
        }

        @Override
        public void notCommitted(List<T> records) {
        }
    }
}
