package org.epicall.dialer.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

import org.epicall.survey.call.DialRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DialLedger} kept as an append-only text journal, one tab-separated record per line:
 * {@code A id campaign contact}, {@code D id server}, {@code E id}. Writers queue their records and
 * one thread writes whatever has queued and forces it to disk in a single {@code fsync}, so many
 * callers share each flush (group commit).
 *
 * <p>On open, the journal is replayed; a torn last line (a crash mid-write) is cut off and a corrupt
 * line is skipped with a warning naming its line number. The journal only grows: about 100 bytes
 * per attempt.
 */
public final class JournalDialLedger implements DialLedger {

    private static final Logger log = LoggerFactory.getLogger(JournalDialLedger.class);

    private enum State { ACCEPTED, DIALING, ENDED }

    private record Entry(State state, String campaignId, String contactRef, String server) {
        Entry with(State newState, String newServer) {
            return new Entry(newState, campaignId, contactRef, newServer);
        }
    }

    private record Pending(byte[] bytes, CompletableFuture<Void> done) {
    }

    private static final Pending STOP = new Pending(new byte[0], new CompletableFuture<>());

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final List<Interrupted> interrupted;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;

    private JournalDialLedger(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        this.interrupted = replay();
        this.writer = Thread.ofPlatform().name("dial-ledger-writer").daemon().start(this::writeLoop);
    }

    /**
     * Opens (creating if needed) the journal at {@code file} and replays it.
     *
     * @throws LedgerException naming the file if it cannot be opened or read
     */
    public static JournalDialLedger open(Path file) {
        try {
            return new JournalDialLedger(file);
        } catch (IOException e) {
            throw new LedgerException("cannot open the dial ledger " + file + ": " + e.getMessage()
                    + " (check that the directory exists and is writable)", e);
        }
    }

    @Override
    public boolean accept(DialRequest request) {
        return acceptAll(List.of(request)).getFirst();
    }

    @Override
    public List<Boolean> acceptAll(List<DialRequest> requests) {
        List<Boolean> fresh = new ArrayList<>(requests.size());
        Map<String, Entry> added = new LinkedHashMap<>();
        StringBuilder lines = new StringBuilder();
        for (DialRequest request : requests) {
            String id = request.attemptId();
            requireSingleField(id, "attemptId");
            requireSingleField(request.campaignId(), "campaignId");
            requireSingleField(request.contactRef(), "contactRef");
        }
        for (DialRequest request : requests) {
            String id = request.attemptId();
            Entry entry = new Entry(State.ACCEPTED, request.campaignId(), request.contactRef(), null);
            boolean isNew = entries.putIfAbsent(id, entry) == null;
            fresh.add(isNew);
            if (isNew) {
                added.put(id, entry);
                lines.append(line("A", id, request.campaignId(), request.contactRef()));
            }
        }
        if (added.isEmpty()) {
            return fresh;
        }
        try {
            append(lines.toString()).join();
            return fresh;
        } catch (CompletionException e) {
            added.forEach(entries::remove);
            throw new LedgerException("cannot record " + added.size() + " attempts in " + file, e.getCause());
        }
    }

    @Override
    public void markDialing(Collection<String> attemptIds, String server) {
        StringBuilder lines = new StringBuilder();
        for (String id : attemptIds) {
            entries.computeIfPresent(id, (k, e) -> e.with(State.DIALING, server));
            lines.append(line("D", id, server));
        }
        try {
            append(lines.toString()).join();
        } catch (CompletionException e) {
            throw new LedgerException("cannot mark " + attemptIds.size() + " attempts dialing in " + file,
                    e.getCause());
        }
    }

    @Override
    public void markEnded(String attemptId) {
        entries.computeIfPresent(attemptId, (k, e) -> e.with(State.ENDED, e.server()));
        append(line("E", attemptId)).whenComplete((ok, error) -> {
            if (error != null) {
                log.error("Could not mark attempt {} ended in {}; a restart will report it again",
                        attemptId, file, error);
            }
        });
    }

    @Override
    public boolean knows(String attemptId) {
        return entries.containsKey(attemptId);
    }

    @Override
    public List<Interrupted> interrupted() {
        return interrupted;
    }

    @Override
    public void close() {
        if (!writer.isAlive()) {
            return;
        }
        queue.add(STOP);
        try {
            writer.join();
            channel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.warn("Closing the dial ledger {} failed: {}", file, e.getMessage());
        }
    }

    private static void requireSingleField(String value, String name) {
        if (value.isEmpty() || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(name + " must be non-empty and free of control characters: '"
                    + value.replaceAll("\\p{Cntrl}", "?") + "'");
        }
    }

    private static String line(String kind, String... fields) {
        StringBuilder b = new StringBuilder(kind);
        for (String f : fields) {
            b.append('\t').append(f);
        }
        return b.append('\n').toString();
    }

    private CompletableFuture<Void> append(String text) {
        if (!writer.isAlive()) {
            return CompletableFuture.failedFuture(new IOException("the dial ledger is closed"));
        }
        Pending p = new Pending(text.getBytes(StandardCharsets.UTF_8), new CompletableFuture<>());
        queue.add(p);
        return p.done();
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            boolean stop = batch.remove(STOP);
            flush(batch);
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    private void flush(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            int size = batch.stream().mapToInt(p -> p.bytes().length).sum();
            ByteBuffer buffer = ByteBuffer.allocate(size);
            batch.forEach(p -> buffer.put(p.bytes()));
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
            batch.forEach(p -> p.done().complete(null));
        } catch (IOException | RuntimeException e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    private List<Interrupted> replay() throws IOException {
        byte[] content = Files.readAllBytes(file);
        int end = content.length;
        while (end > 0 && content[end - 1] != '\n') {
            end--;
        }
        if (end < content.length) {
            log.warn("Dial ledger {}: cut off a torn last record of {} bytes (the previous run stopped mid-write)",
                    file, content.length - end);
            channel.truncate(end);
        }
        channel.position(end);
        String[] lines = new String(content, 0, end, StandardCharsets.UTF_8).split("\n");
        Map<String, Entry> ordered = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isEmpty() && !apply(lines[i], ordered)) {
                log.warn("Dial ledger {} line {}: skipped an unreadable record: {}", file, i + 1, lines[i]);
            }
        }
        entries.putAll(ordered);
        List<Interrupted> open = new ArrayList<>();
        ordered.forEach((id, e) -> {
            if (e.state() != State.ENDED) {
                open.add(new Interrupted(id, e.campaignId(), e.contactRef(), e.server()));
            }
        });
        return List.copyOf(open);
    }

    private static boolean apply(String line, Map<String, Entry> entries) {
        String[] f = line.split("\t", -1);
        switch (f[0]) {
            case "A" -> {
                if (f.length != 4) {
                    return false;
                }
                entries.putIfAbsent(f[1], new Entry(State.ACCEPTED, f[2], f[3], null));
            }
            case "D" -> {
                if (f.length != 3 || !entries.containsKey(f[1])) {
                    return false;
                }
                entries.computeIfPresent(f[1], (k, e) -> e.state() == State.ENDED ? e : e.with(State.DIALING, f[2]));
            }
            case "E" -> {
                if (f.length != 2 || !entries.containsKey(f[1])) {
                    return false;
                }
                entries.computeIfPresent(f[1], (k, e) -> e.with(State.ENDED, e.server()));
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
