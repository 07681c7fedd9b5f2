package org.epicall.campaign.messaging.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable local outbox for records bound for Kafka: {@link #append} returns only once the record
 * is on disk, and a record stays on disk until {@link #delivered} is called for it, across process
 * restarts.
 *
 * <p>Why files and not a database table: results are produced on dialer nodes, which need not
 * reach the campaign database, and the outbox must work exactly when something else is down; the
 * local disk is the one thing a node always has. Why one file per batch: appends from concurrent
 * calls are group-committed (one write and one fsync for every record that arrived meanwhile),
 * and a batch file is deleted as a whole once Kafka has acknowledged all of it, so there is no
 * compaction and no index to keep. A crash after Kafka acknowledged part of a batch but before the
 * file was deleted re-sends those records on restart; each carries its attempt id, so consumers
 * can drop the repeat.
 *
 * <p>Thread-safe. Records not yet delivered are also held in memory for sending.
 */
public final class ResultOutbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResultOutbox.class);
    private static final int MAX_BATCH = 4096;
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private final Path directory;
    private final BlockingQueue<Append> appends = new LinkedBlockingQueue<>();
    private final BlockingQueue<OutboxEntry> ready = new LinkedBlockingQueue<>();
    private final ConcurrentHashMap<Long, Batch> batchOf = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong nextSequence;
    private final Thread committer;
    private volatile boolean closed;

    private ResultOutbox(Path directory, long nextSequence) {
        this.directory = directory;
        this.nextSequence = new AtomicLong(nextSequence);
        this.committer = Thread.ofPlatform().name("epicall-outbox-commit").daemon().unstarted(this::commitLoop);
    }

    /**
     * Opens the outbox in {@code directory}, creating it if needed, and queues every record an
     * earlier run left undelivered, oldest first.
     */
    public static ResultOutbox open(Path directory) {
        try {
            Files.createDirectories(directory);
            List<Path> files;
            try (Stream<Path> listing = Files.list(directory)) {
                files = listing.filter(p -> p.getFileName().toString().endsWith(BatchFile.SUFFIX)).sorted().toList();
            }
            try (Stream<Path> listing = Files.list(directory)) {
                for (Path leftover : listing.filter(p -> p.getFileName().toString().endsWith(TEMPORARY_SUFFIX)).toList()) {
                    Files.delete(leftover);
                }
            }
            long next = 0;
            List<List<OutboxEntry>> recovered = new ArrayList<>();
            List<Path> recoveredFiles = new ArrayList<>();
            for (Path file : files) {
                List<OutboxEntry> entries = BatchFile.read(file);
                if (entries.isEmpty()) {
                    Files.delete(file);
                    continue;
                }
                recovered.add(entries);
                recoveredFiles.add(file);
                next = Math.max(next, entries.getLast().sequence() + 1);
            }
            ResultOutbox outbox = new ResultOutbox(directory, next);
            int count = 0;
            for (int i = 0; i < recovered.size(); i++) {
                outbox.register(recoveredFiles.get(i), recovered.get(i));
                count += recovered.get(i).size();
            }
            if (count > 0) {
                log.info("Outbox {}: {} record(s) from an earlier run are waiting for Kafka", directory, count);
            }
            outbox.committer.start();
            return outbox;
        } catch (IOException e) {
            throw new OutboxException("Cannot open the result outbox in " + directory + ": " + e.getMessage()
                    + ". Check that the directory is writable (epicall.kafka.outbox-dir).", e);
        }
    }

    /**
     * Keeps a record durably until it is {@linkplain #delivered delivered}. Blocks until it is on disk.
     *
     * @throws OutboxException if it could not be written; the record is then not kept
     */
    public OutboxEntry append(String topic, byte[] key, byte[] value) {
        if (closed) {
            throw new OutboxException("The result outbox in " + directory + " is closed", null);
        }
        Append append = new Append(topic, key, value, new CompletableFuture<>());
        appends.add(append);
        try {
            return append.done().get();
        } catch (ExecutionException e) {
            throw new OutboxException("Could not keep a " + topic + " record in the outbox " + directory + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxException("Interrupted while keeping a " + topic + " record in the outbox", e);
        }
    }

    /** The next record to send, oldest first; null if none arrives within the timeout. */
    public OutboxEntry nextToSend(long timeout, TimeUnit unit) throws InterruptedException {
        return ready.poll(timeout, unit);
    }

    /** Marks a record as acknowledged by Kafka; its batch file goes once all of its records have. */
    public void delivered(OutboxEntry entry) {
        Batch batch = batchOf.remove(entry.sequence());
        if (batch == null) {
            return;
        }
        pending.decrementAndGet();
        if (batch.remaining().decrementAndGet() == 0) {
            try {
                Files.deleteIfExists(batch.file());
            } catch (IOException e) {
                log.warn("Could not delete delivered outbox batch {} ({}); its records would be re-sent after a "
                        + "restart and dropped by consumers as repeats", batch.file(), e.toString());
            }
        }
    }

    /** Records kept and not yet acknowledged by Kafka. */
    public int pendingCount() {
        return pending.get();
    }

    public Path directory() {
        return directory;
    }

    /** Stops accepting records; undelivered ones stay on disk for the next run. */
    @Override
    public void close() {
        closed = true;
        // Not an interrupt: it would abort a batch write half-way through its fsync.
        appends.add(CLOSE);
        try {
            committer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Append> left = new ArrayList<>();
        appends.drainTo(left);
        left.forEach(a -> a.done().completeExceptionally(new IllegalStateException("outbox closed")));
        compactPartlyDeliveredBatches();
    }

    /**
     * Rewrites each batch that Kafka acknowledged only in part with just its undelivered records, so
     * that a clean restart re-sends none that were delivered. (After a crash, the whole batch goes
     * again; consumers drop the repeats by attempt id.)
     */
    private void compactPartlyDeliveredBatches() {
        Set<Batch> batches = Collections.newSetFromMap(new IdentityHashMap<>());
        batches.addAll(batchOf.values());
        for (Batch batch : batches) {
            List<OutboxEntry> undelivered = batch.entries().stream().filter(e -> batchOf.get(e.sequence()) == batch).toList();
            if (undelivered.isEmpty() || undelivered.size() == batch.entries().size()) {
                continue;
            }
            Path target = BatchFile.name(directory, undelivered.getFirst().sequence());
            Path temporary = target.resolveSibling(target.getFileName() + TEMPORARY_SUFFIX);
            try {
                Files.deleteIfExists(temporary);
                BatchFile.write(temporary, undelivered);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                if (!target.equals(batch.file())) {
                    Files.deleteIfExists(batch.file());
                }
            } catch (IOException e) {
                log.warn("Could not compact outbox batch {} ({}); its delivered records would be re-sent after a "
                        + "restart and dropped by consumers as repeats", batch.file(), e.toString());
            }
        }
    }

    private void commitLoop() {
        List<Append> batch = new ArrayList<>(MAX_BATCH);
        while (!closed) {
            try {
                batch.add(appends.take());
            } catch (InterruptedException e) {
                break;
            }
            appends.drainTo(batch, MAX_BATCH - 1);
            boolean closing = batch.removeIf(a -> a == CLOSE);
            if (!batch.isEmpty()) {
                commit(batch);
            }
            batch.clear();
            if (closing) {
                break;
            }
        }
    }

    private void commit(List<Append> batch) {
        List<OutboxEntry> entries = new ArrayList<>(batch.size());
        for (Append a : batch) {
            entries.add(new OutboxEntry(nextSequence.getAndIncrement(), a.topic(), a.key(), a.value()));
        }
        Path file = BatchFile.name(directory, entries.getFirst().sequence());
        try {
            BatchFile.write(file, entries);
        } catch (IOException | RuntimeException e) {
            log.error("Could not write outbox batch {}: {}. The {} caller(s) are told their records were not kept.",
                    file, e.toString(), batch.size());
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A partial file is dropped as a torn tail on the next open.
            }
            batch.forEach(a -> a.done().completeExceptionally(e));
            return;
        }
        register(file, entries);
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(entries.get(i));
        }
    }

    private void register(Path file, List<OutboxEntry> entries) {
        Batch batch = new Batch(file, entries, new AtomicInteger(entries.size()));
        for (OutboxEntry e : entries) {
            batchOf.put(e.sequence(), batch);
        }
        pending.addAndGet(entries.size());
        ready.addAll(entries);
    }

    private static final Append CLOSE = new Append("", new byte[0], new byte[0], new CompletableFuture<>());

    private record Append(String topic, byte[] key, byte[] value, CompletableFuture<OutboxEntry> done) {
    }

    private record Batch(Path file, List<OutboxEntry> entries, AtomicInteger remaining) {
    }
}
