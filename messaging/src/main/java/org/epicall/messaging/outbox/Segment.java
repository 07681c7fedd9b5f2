package org.epicall.messaging.outbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outbox segment file and the bookkeeping of its records. A segment is appended to until it is
 * sealed; a sealed segment whose records have all been delivered is deleted. Thread-safe.
 */
final class Segment {

    private static final Logger log = LoggerFactory.getLogger(Segment.class);

    private final Path file;
    private final long firstSequence;
    private final List<OutboxEntry> entries = new ArrayList<>();
    private final BitSet delivered = new BitSet();
    private FileChannel channel;
    private long lastSequence = -1;
    private int undelivered;
    private boolean sealed;
    private boolean deleted;

    private Segment(Path file, long firstSequence, FileChannel channel) {
        this.file = file;
        this.firstSequence = firstSequence;
        this.channel = channel;
    }

    static Segment create(Path directory, long firstSequence) throws IOException {
        Path file = SegmentFile.name(directory, firstSequence);
        return new Segment(file, firstSequence, SegmentFile.create(file));
    }

    /** A segment left by an earlier run: sealed, all of its records still to deliver. */
    static Segment recovered(Path file, List<OutboxEntry> entries) {
        Segment segment = new Segment(file, entries.getFirst().sequence(), null);
        segment.entries.addAll(entries);
        segment.lastSequence = entries.getLast().sequence();
        segment.undelivered = entries.size();
        segment.sealed = true;
        return segment;
    }

    /** Called by the single committing thread only. */
    void append(List<OutboxEntry> batch) throws IOException {
        SegmentFile.append(channel, batch);
        synchronized (this) {
            entries.addAll(batch);
            lastSequence = batch.getLast().sequence();
            undelivered += batch.size();
        }
    }

    synchronized int size() {
        return entries.size();
    }

    long firstSequence() {
        return firstSequence;
    }

    /** Returns true if the record was not already marked delivered. */
    synchronized boolean delivered(long sequence) {
        if (sequence < firstSequence || sequence > lastSequence) {
            return false;
        }
        int index = Math.toIntExact(sequence - firstSequence);
        if (delivered.get(index)) {
            return false;
        }
        delivered.set(index);
        undelivered--;
        deleteIfDone();
        return true;
    }

    synchronized boolean isDeleted() {
        return deleted;
    }

    synchronized void seal() {
        if (sealed) {
            return;
        }
        sealed = true;
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("Could not close outbox segment {}: {}", file, e.toString());
        }
        channel = null;
        deleteIfDone();
    }

    /**
     * Rewrites a sealed, partly delivered segment with just its undelivered records, so that a clean
     * restart re-sends none that were delivered.
     */
    synchronized void compact() {
        if (!sealed || deleted || undelivered == 0 || undelivered == entries.size()) {
            return;
        }
        List<OutboxEntry> rest = entries.stream()
                .filter(e -> !delivered.get(Math.toIntExact(e.sequence() - firstSequence))).toList();
        Path target = SegmentFile.name(file.getParent(), rest.getFirst().sequence());
        Path temporary = target.resolveSibling(target.getFileName() + ResultOutbox.TEMPORARY_SUFFIX);
        try {
            Files.deleteIfExists(temporary);
            SegmentFile.write(temporary, rest);
            Files.move(temporary, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (!target.equals(file)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Could not compact outbox segment {} ({}); its delivered records would be re-sent after a "
                    + "restart and dropped by consumers as repeats", file, e.toString());
        }
    }

    private void deleteIfDone() {
        if (!sealed || undelivered > 0 || deleted) {
            return;
        }
        deleted = true;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete delivered outbox segment {} ({}); its records would be re-sent after a "
                    + "restart and dropped by consumers as repeats", file, e.toString());
        }
    }
}
