package org.epicall.messaging.outbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.internal.KafkaFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the {@link ResultOutbox} keeps to Kafka and marks each record delivered once Kafka
 * has acknowledged it; records are retried, oldest first, until it does.
 *
 * <p>The producer must be idempotent with unbounded delivery time (see
 * {@code ProducerSettings.reliable}): while the broker is away the records wait, with their
 * sequence numbers, in the producer, which delivers each exactly once when the broker is back. Only
 * a record the producer gave up on is sent again.
 *
 * <p>One sending thread; {@link #close()} stops it and leaves unsent records in the outbox.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_IN_FLIGHT = 20_000;
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);
    private static final Duration STALL_WARNING = Duration.ofSeconds(15);

    private final ResultOutbox outbox;
    private final Producer<byte[], byte[]> producer;
    private final KafkaConnection connection;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Deque<OutboxEntry> retries = new ArrayDeque<>();
    private final AtomicLong lastAckNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong lastFailureNanos = new AtomicLong();
    private final Thread sender;
    private volatile boolean running = true;
    private long lastWarningNanos;
    private boolean stalled;

    public OutboxRelay(ResultOutbox outbox, Producer<byte[], byte[]> producer, KafkaConnection connection) {
        this.outbox = outbox;
        this.producer = producer;
        this.connection = connection;
        this.sender = Thread.ofPlatform().name("epicall-outbox-relay").daemon().start(this::sendLoop);
    }

    private void sendLoop() {
        while (running) {
            try {
                OutboxEntry entry = nextEntry();
                if (entry == null) {
                    watchForStall();
                    continue;
                }
                send(entry);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private OutboxEntry nextEntry() throws InterruptedException {
        synchronized (retries) {
            OutboxEntry retry = retries.peekFirst();
            if (retry != null) {
                long wait = RETRY_BACKOFF.toNanos() - (System.nanoTime() - lastFailureNanos.get());
                if (wait > 0) {
                    retries.wait(TimeUnit.NANOSECONDS.toMillis(wait) + 1);
                }
                return retries.pollFirst();
            }
        }
        return outbox.nextToSend(200, TimeUnit.MILLISECONDS);
    }

    private void send(OutboxEntry entry) throws InterruptedException {
        while (!inFlight.tryAcquire(1, TimeUnit.SECONDS)) {
            watchForStall();
            if (!running) {
                return;
            }
        }
        try {
            producer.send(new ProducerRecord<>(entry.topic(), entry.key(), entry.value()), (metadata, error) -> {
                inFlight.release();
                if (error == null) {
                    lastAckNanos.set(System.nanoTime());
                    outbox.delivered(entry);
                } else if (running) {
                    retryLater(entry);
                    reportUnreachable(error);
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            // Not accepted at all (e.g. no metadata within max.block.ms): nothing was sent, so resending cannot duplicate.
            inFlight.release();
            if (!running) {
                return;
            }
            retryLater(entry);
            reportUnreachable(e);
        }
    }

    private void retryLater(OutboxEntry entry) {
        lastFailureNanos.set(System.nanoTime());
        synchronized (retries) {
            retries.addLast(entry);
        }
    }

    private void watchForStall() {
        int pending = outbox.pendingCount();
        long sinceAck = System.nanoTime() - lastAckNanos.get();
        if (pending > 0 && sinceAck > STALL_WARNING.toNanos()) {
            stalled = true;
            warn("No acknowledgement from Kafka at " + connection + " for "
                    + TimeUnit.NANOSECONDS.toSeconds(sinceAck) + " s; " + pending + " result record(s) are kept in "
                    + outbox.directory() + " and will be delivered when the broker is back. Check that it runs "
                    + "and that epicall.kafka.bootstrap-servers names it.");
        } else if (stalled && pending == 0) {
            stalled = false;
            log.info("Kafka at {} is acknowledging again; every waiting result has been delivered", connection);
        }
    }

    /** Called from the relay thread and the producer's I/O thread. */
    private void reportUnreachable(Exception cause) {
        warn("Kafka at " + connection + " did not take a result (" + KafkaFailures.describe(cause, connection) + "). "
                + outbox.pendingCount() + " result record(s) are kept in " + outbox.directory()
                + " and will be delivered " + (KafkaFailures.refused(cause) ? "once that is fixed."
                : "when it is back. Check that the broker runs and that epicall.kafka.bootstrap-servers names it."));
    }

    /** At most one warning every 30 s: an outage fails every record, and one line says it all. */
    private synchronized void warn(String message) {
        long now = System.nanoTime();
        if (now - lastWarningNanos > TimeUnit.SECONDS.toNanos(30) || lastWarningNanos == 0) {
            lastWarningNanos = now;
            log.warn(message);
        }
    }

    /** Stops sending; records not yet acknowledged stay in the outbox for the next run. */
    @Override
    public void close() {
        running = false;
        sender.interrupt();
        try {
            sender.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
