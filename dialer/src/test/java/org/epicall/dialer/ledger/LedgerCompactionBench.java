package org.epicall.dialer.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.epicall.survey.call.DialRequest;

/**
 * Measures a compaction of a dial ledger of N finished attempts (default 1,000,000), once when all of
 * them are past retention and once when all are kept, with a thread accepting new attempts
 * throughout, and the restart (replay) time before and after. Not a test: run it by hand, see
 * BENCHMARKS.md. Prints {@code name: value unit} lines.
 */
public final class LedgerCompactionBench {

    private static final Instant START = Instant.parse("2030-03-01T09:00:00Z");
    private static final Instant DEADLINE = START.plus(Duration.ofMinutes(10));

    public static void main(String[] args) throws IOException, InterruptedException {
        int attempts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("ledger-bench");
        try {
            run("forget all", attempts, dir.resolve("forget.log"), DEADLINE.plus(Duration.ofHours(2)));
            run("keep all", attempts, dir.resolve("keep.log"), DEADLINE);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static void run(String scenario, int attempts, Path file, Instant compactAt)
            throws InterruptedException {
        ManualClock clock = new ManualClock(START);
        LedgerConfig config = LedgerConfig.defaults(file).withCompactAfterRecords(Long.MAX_VALUE);
        // compactions only when this bench asks: the one queued on open is dropped
        try (JournalDialLedger ledger = JournalDialLedger.open(config, clock, task -> { })) {
            fill(ledger, attempts);
        }
        long bytesBefore = size(file);
        long heapEmpty = usedHeap();
        long openStarted = System.nanoTime();
        JournalDialLedger ledger = JournalDialLedger.open(config, clock, task -> { });
        double replayBefore = seconds(System.nanoTime() - openStarted);
        double heapPerAttempt = (double) (usedHeap() - heapEmpty) / ledger.size();
        clock.set(compactAt);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong slowest = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        Thread appender = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                long t = System.nanoTime();
                ledger.accept(request("live-" + accepted.incrementAndGet(), compactAt.plus(Duration.ofMinutes(10))));
                slowest.accumulateAndGet(System.nanoTime() - t, Math::max);
            }
        });
        Thread.sleep(500);
        long slowestBefore = slowest.getAndSet(0);
        CompactionResult result = ledger.compact();
        // the accept held up by the swap returns after compact() does: let it finish before reading
        stop.set(true);
        appender.join();
        long slowestDuring = slowest.get();
        ledger.close();
        long openAgain = System.nanoTime();
        JournalDialLedger.open(config, clock, task -> { }).close();
        double replayAfter = seconds(System.nanoTime() - openAgain);

        String p = scenario + ": ";
        System.out.println(p + "attempts in ledger: " + result.entriesBefore() + " attempts");
        System.out.println(p + "attempts kept: " + result.entriesKept() + " attempts");
        print(p + "journal before", bytesBefore / 1e6, "MB");
        print(p + "journal after", result.bytesAfter() / 1e6, "MB");
        print(p + "compaction time", result.took().toNanos() / 1e9, "s");
        print(p + "appends paused by the swap", result.appendsPaused().toNanos() / 1e6, "ms");
        print(p + "slowest accept during compaction", slowestDuring / 1e6, "ms");
        print(p + "slowest accept before it (baseline)", slowestBefore / 1e6, "ms");
        System.out.println(String.format(Locale.ROOT, "%sheap per finished attempt: %.0f bytes", p, heapPerAttempt));
        print(p + "restart replay before", replayBefore, "s");
        print(p + "restart replay after", replayAfter, "s");
    }

    private static void fill(JournalDialLedger ledger, int attempts) {
        int batch = 10_000;
        for (int from = 0; from < attempts; from += batch) {
            List<DialRequest> requests = new ArrayList<>(batch);
            List<String> ids = new ArrayList<>(batch);
            for (int i = from; i < Math.min(attempts, from + batch); i++) {
                requests.add(request("att-" + i, DEADLINE));
                ids.add("att-" + i);
            }
            ledger.acceptAll(requests);
            ledger.markDialing(ids, "pbx-a");
            ids.forEach(ledger::markEnded);
        }
    }

    private static DialRequest request(String id, Instant notAfter) {
        return new DialRequest(id, "campaign-2030-03", "contact-" + id, "+821012345678", "ko", "covid-checkin", 1,
                notAfter);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void print(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "%s: %.2f %s", name, value, unit));
    }
}
