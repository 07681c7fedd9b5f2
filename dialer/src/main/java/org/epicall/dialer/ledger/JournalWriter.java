package org.epicall.dialer.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes the journal. Callers queue records; the thread writes whatever has
 * queued and forces it to disk with a single {@code fsync}, so many callers share each flush (group
 * commit). Checkpoints and the swap to a compacted journal go through the same queue, so they are
 * ordered with the appends around them. Thread-safe.
 */
final class JournalWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);

    private sealed interface Op permits Append, Checkpoint, Swap, Stop {
    }

    private record Append(byte[] bytes, CompletableFuture<Void> done) implements Op {
    }

    private record Checkpoint(CompletableFuture<Long> done) implements Op {
    }

    private record Swap(Path compacted, long from, CompletableFuture<Swapped> done) implements Op {
    }

    private enum Stop implements Op { STOP }

    /**
     * What a swap did.
     *
     * @param tailBytes   journal bytes written after the checkpoint and carried over
     * @param size        size of the journal now
     * @param pausedNanos how long appends waited for the swap
     * @param replaced    the old journal, for the caller to close: closing it frees the whole old file,
     *                    which takes tens of milliseconds the appenders need not wait for
     */
    record Swapped(long tailBytes, long size, long pausedNanos, FileChannel replaced) {
    }

    private final Path file;
    private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private FileChannel channel;
    private volatile long size;
    private volatile boolean closed;
    // once set, the journal on disk may not match what we would append to: refuse everything
    private volatile IOException broken;

    JournalWriter(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.size = channel.position();
        this.thread = Thread.ofPlatform().name("dial-ledger-writer").daemon().start(this::loop);
    }

    /** Appends {@code bytes}; completes once they are on stable storage. */
    CompletableFuture<Void> append(byte[] bytes) {
        Append a = new Append(bytes, new CompletableFuture<>());
        return enqueue(a) ? a.done() : CompletableFuture.failedFuture(refusal());
    }

    /** Waits until every record queued before this call is durable; returns the journal length then. */
    long checkpoint() throws IOException {
        Checkpoint c = new Checkpoint(new CompletableFuture<>());
        if (!enqueue(c)) {
            throw refusal();
        }
        return await(c.done());
    }

    /**
     * Appends the journal's bytes from {@code from} on to {@code compacted}, makes it durable and
     * renames it over the journal, which is then appended to. If this fails before the rename, the
     * journal is untouched and stays in use; if it fails after it, the writer refuses every record.
     */
    Swapped swapIn(Path compacted, long from) throws IOException {
        Swap s = new Swap(compacted, from, new CompletableFuture<>());
        if (!enqueue(s)) {
            throw refusal();
        }
        return await(s.done());
    }

    long size() {
        return size;
    }

    /** True once a swap failed after its rename: nothing more can be journaled until a restart. */
    boolean broken() {
        return broken != null;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(Stop.STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("Closing the dial ledger {} failed: {}", file, e.getMessage());
        }
    }

    private boolean enqueue(Op op) {
        if (closed || broken != null) {
            return false;
        }
        queue.add(op);
        return true;
    }

    private IOException refusal() {
        IOException b = broken;
        return b != null ? new IOException("the dial ledger " + file + " is unusable since: " + b.getMessage()
                + "; restart the dialer", b) : new IOException("the dial ledger " + file + " is closed");
    }

    private static <T> T await(CompletableFuture<T> future) throws IOException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private void loop() {
        List<Op> batch = new ArrayList<>();
        List<Append> appends = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch);
            for (Op op : batch) {
                switch (op) {
                    case Append a -> appends.add(a);
                    case Checkpoint c -> {
                        flush(appends);
                        complete(c.done(), () -> size);
                    }
                    case Swap s -> {
                        flush(appends);
                        complete(s.done(), () -> swap(s));
                    }
                    case Stop ignored -> stop = true;
                }
            }
            flush(appends);
            batch.clear();
        }
        // anything queued after STOP (a race with close) is refused rather than left waiting forever
        queue.drainTo(batch);
        IOException refused = refusal();
        for (Op op : batch) {
            switch (op) {
                case Append a -> a.done().completeExceptionally(refused);
                case Checkpoint c -> c.done().completeExceptionally(refused);
                case Swap s -> s.done().completeExceptionally(refused);
                case Stop ignored -> { }
            }
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> void complete(CompletableFuture<T> done, IoSupplier<T> work) {
        try {
            done.complete(work.get());
        } catch (IOException | RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    private void flush(List<Append> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            if (broken != null) {
                throw refusal();
            }
            int total = batch.stream().mapToInt(p -> p.bytes().length).sum();
            ByteBuffer buffer = ByteBuffer.allocate(total);
            batch.forEach(p -> buffer.put(p.bytes()));
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
            size = channel.position();
            batch.forEach(p -> p.done().complete(null));
        } catch (IOException | RuntimeException e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
        batch.clear();
    }

    private Swapped swap(Swap s) throws IOException {
        long started = System.nanoTime();
        long end = channel.position();
        try (FileChannel out = FileChannel.open(s.compacted(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            for (long at = s.from(); at < end; ) {
                at += channel.transferTo(at, end - at, out);
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(s.compacted());
            throw e;
        }
        long carried = System.nanoTime();
        FileChannel replaced;
        try {
            Files.move(s.compacted(), file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(s.compacted());
            throw e;
        }
        // From here the old channel's file is gone from the directory: a record appended to it would
        // be lost, and so would the compacted journal if the rename were not durable. Either failing
        // leaves no journal we may append to.
        try {
            syncDirectory(file.toAbsolutePath().getParent());
            FileChannel next = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            next.position(next.size());
            FileChannel old = channel;
            channel = next;
            size = next.size();
            replaced = old;
        } catch (IOException | RuntimeException e) {
            broken = e instanceof IOException io ? io : new IOException(e);
            log.error("The dial ledger {} was compacted but cannot be reopened; refusing new attempts until a "
                    + "restart", file, e);
            throw broken;
        }
        long done = System.nanoTime();
        log.debug("Swap of {}: carried over {} bytes and forced them in {} ms, renamed and forced the directory "
                + "in {} ms", file, end - s.from(), (carried - started) / 1_000_000, (done - carried) / 1_000_000);
        return new Swapped(end - s.from(), size, done - started, replaced);
    }

    /** Makes a rename in {@code dir} durable (POSIX: fsync the directory). */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
