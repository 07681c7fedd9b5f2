package org.epicall.messaging.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
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
 * local disk is the one thing a node always has. How: appends from concurrent calls are
 * group-committed by one thread (one write and one fdatasync for every record that arrived
 * meanwhile) to a segment file; a segment is sealed after {@value #SEGMENT_ENTRIES} records and
 * deleted as a whole once Kafka has acknowledged all of them, so there is no index and no
 * compaction while running. On a clean close, partly delivered segments are rewritten with just
 * their undelivered records. After a crash, a partly delivered segment is sent again in full; each
 * record carries its attempt id, so consumers drop the repeats.
 *
 * <p>Thread-safe. Records not yet delivered are also held in memory for sending.
 */
public final class ResultOutbox implements AutoCloseable {

    static final String TEMPORARY_SUFFIX = ".tmp";
    private static final Logger log = LoggerFactory.getLogger(ResultOutbox.class);
    private static final int MAX_BATCH = 4096;
    private static final int SEGMENT_ENTRIES = 16_384;
    private static final Append CLOSE = new Append("", new byte[0], new byte[0], new CompletableFuture<>());

    private final Path directory;
    private final BlockingQueue<Append> appends = new LinkedBlockingQueue<>();
    private final BlockingQueue<List<OutboxEntry>> ready = new LinkedBlockingQueue<>();
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    private List<OutboxEntry> sending = List.of();
    private int sendingIndex;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong nextSequence;
    private final Thread committer;
    private Segment current;
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
            deleteLeftoverTemporaries(directory);
            List<Path> files;
            try (Stream<Path> listing = Files.list(directory)) {
                files = listing.filter(p -> p.getFileName().toString().endsWith(SegmentFile.SUFFIX)).sorted().toList();
            }
            long next = 0;
            List<Segment> segments = new ArrayList<>();
            List<List<OutboxEntry>> contents = new ArrayList<>();
            for (Path file : files) {
                List<OutboxEntry> entries = SegmentFile.read(file);
                if (entries.isEmpty()) {
                    Files.delete(file);
                    continue;
                }
                segments.add(Segment.recovered(file, entries));
                contents.add(entries);
                next = Math.max(next, entries.getLast().sequence() + 1);
            }
            ResultOutbox outbox = new ResultOutbox(directory, next);
            for (int i = 0; i < segments.size(); i++) {
                outbox.register(segments.get(i), contents.get(i));
            }
            if (outbox.pendingCount() > 0) {
                log.info("Outbox {}: {} record(s) from an earlier run are waiting for Kafka", directory,
                        outbox.pendingCount());
            }
            outbox.committer.start();
            return outbox;
        } catch (IOException e) {
            throw new OutboxException("Cannot open the result outbox in " + directory + ": " + e.getMessage()
                    + ". Check that the directory is writable by this user.", e);
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

    /**
     * The next record to send, oldest first; null if none arrives within the timeout. For the one
     * sending thread only: each record is handed out once per run.
     */
    public OutboxEntry nextToSend(long timeout, TimeUnit unit) throws InterruptedException {
        if (sendingIndex == sending.size()) {
            List<OutboxEntry> next = ready.poll(timeout, unit);
            if (next == null) {
                return null;
            }
            sending = next;
            sendingIndex = 0;
        }
        return sending.get(sendingIndex++);
    }

    /** Marks a record as acknowledged by Kafka; its segment goes once all of its records have. */
    public void delivered(OutboxEntry entry) {
        var owner = segments.floorEntry(entry.sequence());
        if (owner != null && owner.getValue().delivered(entry.sequence())) {
            pending.decrementAndGet();
            if (owner.getValue().isDeleted()) {
                segments.remove(owner.getKey(), owner.getValue());
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
        // Not an interrupt: it would abort a write half-way through its fsync.
        appends.add(CLOSE);
        try {
            committer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Append> left = new ArrayList<>();
        appends.drainTo(left);
        left.forEach(a -> a.done().completeExceptionally(new IllegalStateException("outbox closed")));
        segments.values().forEach(Segment::compact);
    }

    private void commitLoop() {
        List<Append> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
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
        if (current != null) {
            current.seal();
        }
    }

    private void commit(List<Append> batch) {
        List<OutboxEntry> entries = new ArrayList<>(batch.size());
        for (Append a : batch) {
            entries.add(new OutboxEntry(nextSequence.getAndIncrement(), a.topic(), a.key(), a.value()));
        }
        try {
            if (current == null || current.size() + entries.size() > SEGMENT_ENTRIES) {
                if (current != null) {
                    current.seal();
                }
                current = null;
                current = Segment.create(directory, entries.getFirst().sequence());
                segments.put(current.firstSequence(), current);
            }
            current.append(entries);
        } catch (IOException | RuntimeException e) {
            log.error("Could not write to the outbox {}: {}. The {} caller(s) are told their records were not kept.",
                    directory, e.toString(), batch.size());
            // The segment may end in a torn write; it is read up to there on the next open.
            if (current != null) {
                current.seal();
                current = null;
            }
            batch.forEach(a -> a.done().completeExceptionally(e));
            return;
        }
        register(current, entries);
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(entries.get(i));
        }
    }

    private void register(Segment segment, List<OutboxEntry> entries) {
        segments.putIfAbsent(segment.firstSequence(), segment);
        pending.addAndGet(entries.size());
        ready.add(entries);
    }

    private static void deleteLeftoverTemporaries(Path directory) throws IOException {
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path leftover : listing.filter(p -> p.getFileName().toString().endsWith(TEMPORARY_SUFFIX)).toList()) {
                Files.delete(leftover);
            }
        }
    }

    private record Append(String topic, byte[] key, byte[] value, CompletableFuture<OutboxEntry> done) {
    }
}
