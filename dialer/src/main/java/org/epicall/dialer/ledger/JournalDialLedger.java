package org.epicall.dialer.ledger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.epicall.survey.call.DialRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DialLedger} kept as an append-only journal ({@link JournalFormat}), written with group
 * commit, and compacted so that neither the disk nor the restart time grows with the number of calls
 * ever made (at 1,500 calls/s an uncompacted journal gains 130 million attempts a day).
 *
 * <h2>Why forgetting an attempt cannot ring a resident twice</h2>
 * The ledger exists so that a request seen again (Kafka redelivers what a node took but did not
 * commit; a restart replays it) is not dialed again. Forgetting an attempt is therefore safe only
 * once a redelivery of it could not be dialed anyway:
 * <ul>
 * <li>An attempt still open (accepted or dialing) is never forgotten, however old: it is what a
 * restart reports as interrupted, and its end has not been reported yet.</li>
 * <li>A request carries a deadline ({@code notAfter}, which the campaign sets to at most its dispatch
 * TTL, 10 min by default). The dialer refuses a request past it and never originates past it, so a
 * finished attempt whose deadline has passed could be dropped at once. Relying on that alone would
 * make the guarantee depend on the dialer's clock never stepping back, and on every caller checking
 * the deadline. So a compaction also writes a <em>horizon</em> into the new journal (kept across
 * restarts and compactions, never moving back): every deadline it forgot lies at or before it, and
 * the ledger itself answers "seen" to any request whose deadline is at or before it, whatever the
 * clock says. A request the ledger forgot can therefore never be accepted again.</li>
 * <li>The horizon trails the clock by {@linkplain LedgerConfig#retention() the retention} (1 h). Not
 * for safety, which the horizon gives, but so that a clock that ran fast at a compaction does not
 * make the ledger refuse fresh requests after it is corrected, and so that a redelivery shortly
 * after the deadline is still answered DUPLICATE, the accurate word, rather than "window closed".
 * </li>
 * <li>A request without a deadline (the campaign always sets one; other clients may not) is dropped
 * only {@linkplain LedgerConfig#undatedRetention() undated retention} after it ended: longer than
 * Kafka keeps the record, so nothing can deliver it again. This is the one place the guarantee rests
 * on an assumption outside the dialer, which is why the default is a week.</li>
 * </ul>
 * Nothing legitimate reuses a forgotten id: the campaign's sweeper gives a lost attempt up only after
 * its deadline plus the longest call, and retries it under a new attempt id.
 *
 * <h2>Why a crash cannot leave half a journal</h2>
 * Compaction writes the kept attempts to {@code <journal>.compacting}, forces it, then has the writer
 * thread append what was journaled meanwhile, force again, rename it over the journal atomically and
 * force the directory. Before the rename the old journal is complete and a leftover temporary file is
 * deleted on open; after it the new one is. Records appended after the compaction's snapshot are
 * carried over verbatim and replay is idempotent (states only move forward), so the snapshot may be
 * read from memory without stopping the appenders. Appends wait only for the carry-over, the rename
 * and two forces, not for the whole journal to be written.
 *
 * <p>On open, the journal is replayed; a torn last line (a crash mid-write) is cut off and a corrupt
 * line is skipped with a warning naming its line number. Compaction runs on its own thread on open
 * and whenever the journal holds {@link LedgerConfig#compactAfterRecords()} records and twice what
 * the last compaction kept.
 */
public final class JournalDialLedger implements DialLedger {

    private static final Logger log = LoggerFactory.getLogger(JournalDialLedger.class);
    private static final long FORCE_EVERY_CHARS = 4L << 20;

    private final LedgerConfig config;
    private final Path file;
    private final InstantSource clock;
    private final RetentionRule rule;
    private final Map<String, LedgerEntry> entries = new ConcurrentHashMap<>();
    private final List<Interrupted> interrupted;
    private final JournalWriter writer;
    private final Executor compactor;
    private final ExecutorService ownedCompactor;
    private final ReentrantLock compacting = new ReentrantLock();
    private final AtomicBoolean compactionQueued = new AtomicBoolean();
    private final AtomicLong journalRecords = new AtomicLong();
    private final AtomicLong compactions = new AtomicLong();
    private volatile long compactAt;
    private volatile Instant horizon;
    private volatile Runnable beforeSwap = () -> { };

    private JournalDialLedger(LedgerConfig config, InstantSource clock, Executor compactor,
            ExecutorService ownedCompactor) throws IOException {
        this.config = config;
        this.file = config.file();
        this.clock = clock;
        this.rule = new RetentionRule(config);
        this.compactor = compactor;
        this.ownedCompactor = ownedCompactor;
        this.compactAt = config.compactAfterRecords();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        removeLeftoverCompaction();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            this.interrupted = replay(channel);
            this.writer = new JournalWriter(file, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (journalRecords.get() > 0) {
            queueCompaction();
        }
    }

    /**
     * Opens (creating if needed) the journal at {@code file} with the default retention and replays it.
     *
     * @throws LedgerException naming the file if it cannot be opened or read
     */
    public static JournalDialLedger open(Path file) {
        return open(LedgerConfig.defaults(file), InstantSource.system());
    }

    /**
     * Opens (creating if needed) the journal {@code config} names and replays it; compactions run on a
     * thread of the ledger's own and tell time by {@code clock}.
     *
     * @throws LedgerException naming the file if it cannot be opened or read
     */
    public static JournalDialLedger open(LedgerConfig config, InstantSource clock) {
        ExecutorService executor = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("dial-ledger-compactor").daemon().factory());
        try {
            return open(config, clock, executor, executor);
        } catch (RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
    }

    /** As {@link #open(LedgerConfig, InstantSource)}, running compactions on {@code compactor}. */
    static JournalDialLedger open(LedgerConfig config, InstantSource clock, Executor compactor) {
        return open(config, clock, compactor, null);
    }

    private static JournalDialLedger open(LedgerConfig config, InstantSource clock, Executor compactor,
            ExecutorService owned) {
        try {
            return new JournalDialLedger(config, clock, compactor, owned);
        } catch (IOException e) {
            throw new LedgerException("cannot open the dial ledger " + config.file() + ": " + e.getMessage()
                    + " (check that the directory exists and is writable)", e);
        }
    }

    @Override
    public boolean accept(DialRequest request) {
        return acceptAll(List.of(request)).getFirst();
    }

    @Override
    public List<Boolean> acceptAll(List<DialRequest> requests) {
        for (DialRequest request : requests) {
            requireSingleField(request.attemptId(), "attemptId");
            requireSingleField(request.campaignId(), "campaignId");
            requireSingleField(request.contactRef(), "contactRef");
        }
        List<Boolean> fresh = new ArrayList<>(requests.size());
        Map<String, LedgerEntry> added = new LinkedHashMap<>();
        StringBuilder lines = new StringBuilder();
        for (DialRequest request : requests) {
            String id = request.attemptId();
            if (withinHorizon(request.notAfter())) {
                fresh.add(false);
                continue;
            }
            LedgerEntry entry = LedgerEntry.accepted(request.campaignId(), request.contactRef(), request.notAfter());
            boolean isNew = entries.putIfAbsent(id, entry) == null;
            // again after the insert: a compaction publishes its horizon before it forgets anything, so
            // an attempt it forgot between the first look and the insert is caught here
            if (isNew && withinHorizon(request.notAfter())) {
                entries.remove(id, entry);
                isNew = false;
            }
            fresh.add(isNew);
            if (isNew) {
                added.put(id, entry);
                JournalFormat.accepted(lines, id, request.campaignId(), request.contactRef(), request.notAfter());
            }
        }
        if (added.isEmpty()) {
            return fresh;
        }
        try {
            append(lines, added.size()).join();
        } catch (CompletionException e) {
            added.forEach(entries::remove);
            throw new LedgerException("cannot record " + added.size() + " attempts in " + file, e.getCause());
        }
        compactIfDue();
        return fresh;
    }

    @Override
    public void markDialing(Collection<String> attemptIds, String server) {
        StringBuilder lines = new StringBuilder();
        for (String id : attemptIds) {
            entries.computeIfPresent(id, (k, e) -> e.dialing(server));
            JournalFormat.dialing(lines, id, server);
        }
        try {
            append(lines, attemptIds.size()).join();
        } catch (CompletionException e) {
            throw new LedgerException("cannot mark " + attemptIds.size() + " attempts dialing in " + file,
                    e.getCause());
        }
        compactIfDue();
    }

    @Override
    public void markEnded(String attemptId) {
        Instant now = clock.instant();
        entries.computeIfPresent(attemptId, (k, e) -> e.endedAt(now));
        StringBuilder line = new StringBuilder();
        JournalFormat.ended(line, attemptId, now);
        append(line, 1).whenComplete((ok, error) -> {
            if (error != null) {
                log.error("Could not mark attempt {} ended in {}; a restart will report it again",
                        attemptId, file, error);
            }
        });
        compactIfDue();
    }

    @Override
    public boolean knows(String attemptId) {
        return entries.containsKey(attemptId);
    }

    @Override
    public boolean seen(DialRequest request) {
        return entries.containsKey(request.attemptId()) || withinHorizon(request.notAfter());
    }

    @Override
    public List<Interrupted> interrupted() {
        return interrupted;
    }

    @Override
    public long size() {
        return entries.size();
    }

    @Override
    public long compactions() {
        return compactions.get();
    }

    /** Bytes in the journal now. */
    public long journalBytes() {
        return writer.size();
    }

    /**
     * Compacts the journal now, on the calling thread: forgets the finished attempts the retention
     * allows (see the class javadoc) and swaps in a journal of the rest. Appending goes on meanwhile
     * except during the swap. One compaction at a time; a second caller waits for the first.
     *
     * @throws LedgerException if the compacted journal could not be written; the ledger then goes on
     *                         with the uncompacted one, unless the failure came after the swap, in which
     *                         case it refuses every new record until a restart
     */
    public CompactionResult compact() {
        compacting.lock();
        try {
            return compactNow();
        } catch (IOException e) {
            throw new LedgerException("cannot compact the dial ledger " + file + ": " + e.getMessage()
                    + (writer.broken() ? " (no attempt can be recorded until the dialer restarts; check the disk)"
                            : " (the dialer goes on with the uncompacted journal)"), e);
        } finally {
            compacting.unlock();
        }
    }

    private CompactionResult compactNow() throws IOException {
        long started = System.nanoTime();
        Instant now = clock.instant();
        long recordsAtCheckpoint = journalRecords.get();
        long from = writer.checkpoint();
        Instant newHorizon = rule.horizon(now, horizon);
        Path temp = config.compactingFile();
        Files.deleteIfExists(temp);
        List<Map.Entry<String, LedgerEntry>> forgotten = new ArrayList<>();
        long entriesBefore = 0;
        long keptRecords = 1;
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Writer w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(out),
                        StandardCharsets.UTF_8), 1 << 16)) {
            w.write(JournalFormat.horizon(newHorizon));
            StringBuilder lines = new StringBuilder(256);
            long unforced = 0;
            for (Map.Entry<String, LedgerEntry> e : entries.entrySet()) {
                entriesBefore++;
                if (rule.forgettable(e.getValue(), now, newHorizon)) {
                    forgotten.add(Map.entry(e.getKey(), e.getValue()));
                    continue;
                }
                lines.setLength(0);
                keptRecords += JournalFormat.entry(lines, e.getKey(), e.getValue());
                w.append(lines);
                unforced += lines.length();
                if (unforced >= FORCE_EVERY_CHARS) {
                    // small forces as we go: one big one at the end would hold up the appenders' fsyncs
                    w.flush();
                    out.force(false);
                    unforced = 0;
                }
            }
            w.flush();
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        beforeSwap.run();
        JournalWriter.Swapped swapped = writer.swapIn(temp, from);
        closeQuietly(swapped.replaced());
        horizon = newHorizon;
        forgotten.forEach(e -> entries.remove(e.getKey(), e.getValue()));
        long kept = keptRecords;
        long records = journalRecords.updateAndGet(r -> kept + Math.max(0, r - recordsAtCheckpoint));
        compactAt = Math.max(config.compactAfterRecords(), 2 * kept);
        compactions.incrementAndGet();
        CompactionResult result = new CompactionResult(entriesBefore, entriesBefore - forgotten.size(), from,
                swapped.size(), newHorizon, Duration.ofNanos(System.nanoTime() - started),
                Duration.ofNanos(swapped.pausedNanos()));
        log.info("Compacted the dial ledger {}: forgot {} of {} attempts, {} -> {} bytes ({} records) in {} ms, "
                        + "appends paused {} ms", file, forgotten.size(), entriesBefore, from, swapped.size(), records,
                result.took().toMillis(), result.appendsPaused().toMillis());
        return result;
    }

    /** Runs {@code action} in each compaction between writing the snapshot and swapping it in. */
    void beforeSwap(Runnable action) {
        beforeSwap = action;
    }

    @Override
    public void close() {
        if (ownedCompactor != null) {
            ownedCompactor.shutdown();
            try {
                if (!ownedCompactor.awaitTermination(60, TimeUnit.SECONDS)) {
                    log.warn("A compaction of the dial ledger {} is still running at close", file);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writer.close();
    }

    private boolean withinHorizon(Instant notAfter) {
        Instant h = horizon;
        return notAfter != null && h != null && !notAfter.isAfter(h);
    }

    private void compactIfDue() {
        if (journalRecords.get() >= compactAt) {
            queueCompaction();
        }
    }

    private void queueCompaction() {
        if (!compactionQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            compactor.execute(this::compactInBackground);
        } catch (RejectedExecutionException e) {
            compactionQueued.set(false);
        }
    }

    private void compactInBackground() {
        try {
            compact();
        } catch (RuntimeException e) {
            // try again only once the journal has doubled, so a full disk is not hammered
            compactAt = Math.max(compactAt, 2 * journalRecords.get());
            log.warn("Compaction of the dial ledger failed: {}", e.getMessage());
        } finally {
            compactionQueued.set(false);
        }
    }

    private void closeQuietly(FileChannel replaced) {
        try {
            replaced.close();
        } catch (IOException e) {
            log.warn("Closing the replaced dial ledger journal {} failed: {}", file, e.getMessage());
        }
    }

    private void removeLeftoverCompaction() throws IOException {
        Path leftover = config.compactingFile();
        if (Files.deleteIfExists(leftover)) {
            log.info("Dial ledger {}: deleted {} left by a compaction that did not finish; the journal is intact",
                    file, leftover.getFileName());
        }
    }

    private static void requireSingleField(String value, String name) {
        if (value.isEmpty() || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(name + " must be non-empty and free of control characters: '"
                    + value.replaceAll("\\p{Cntrl}", "?") + "'");
        }
    }

    private CompletableFuture<Void> append(CharSequence lines, int records) {
        journalRecords.addAndGet(records);
        return writer.append(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<Interrupted> replay(FileChannel channel) throws IOException {
        long end = JournalFormat.lastCompleteRecordEnd(channel);
        if (end < channel.size()) {
            log.warn("Dial ledger {}: cut off a torn last record of {} bytes (the previous run stopped mid-write)",
                    file, channel.size() - end);
            channel.truncate(end);
        }
        channel.position(end);
        Map<String, LedgerEntry> ordered = new LinkedHashMap<>();
        JournalFormat.Replay replay = JournalFormat.replay(file, end, ordered, clock.instant(),
                (line, text) -> log.warn("Dial ledger {} line {}: skipped an unreadable record: {}", file, line, text));
        if (replay.forgottenRecords > 0) {
            log.debug("Dial ledger {}: {} records of attempts already forgotten", file, replay.forgottenRecords);
        }
        horizon = replay.horizon;
        journalRecords.set(replay.records + replay.forgottenRecords + replay.unreadable);
        entries.putAll(ordered);
        List<Interrupted> open = new ArrayList<>();
        ordered.forEach((id, e) -> {
            if (!e.ended()) {
                open.add(new Interrupted(id, e.campaignId(), e.contactRef(), e.server()));
            }
        });
        return List.copyOf(open);
    }
}
