package org.epicall.dialer.ledger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the dial ledger keeps its journal and how long it remembers finished attempts. Use
 * {@link #defaults} and the {@code with…} methods.
 *
 * @param file                the journal; compaction writes {@code <file>.compacting} beside it
 * @param retention           how long a finished attempt is remembered after its deadline
 *                            ({@code DialRequest.notAfter}) passed. Past the deadline the dialer refuses
 *                            the request anyway; this margin covers the dialer's clock stepping forward
 *                            and back (default 1 h)
 * @param undatedRetention    how long a finished attempt without a deadline is remembered after it
 *                            ended. Only a redelivery older than this could ring the resident again, so
 *                            it must exceed the longest a request can wait in Kafka: the topic's
 *                            retention (default 7 days, Kafka's default {@code log.retention.hours})
 * @param compactAfterRecords the journal is compacted once it holds this many records and at least
 *                            twice as many as the last compaction kept (default 1,000,000, about 36 MB)
 *
 * <p>Sizing: a node dialing R calls/s with the campaign's 10 min dispatch TTL keeps about
 * R × (10 min + retention) finished attempts, at about 41 bytes of journal and 190 bytes of heap
 * each, and replays about a million of them per second on restart. At 375 calls/s (a quarter of
 * 1,500 calls/s) and the default hour that is 1.6 million attempts, 65 MB, 300 MB of heap. The
 * retention may be cut to minutes without weakening the guarantee (the horizon carries it); it
 * only bounds how far a forward step of the clock may go before fresh requests are refused.
 */
public record LedgerConfig(Path file, Duration retention, Duration undatedRetention, long compactAfterRecords) {

    public LedgerConfig {
        Objects.requireNonNull(file, "file");
        requirePositive(retention, "retention");
        requirePositive(undatedRetention, "undatedRetention");
        if (compactAfterRecords < 1) {
            throw new IllegalArgumentException("compactAfterRecords must be >= 1, was " + compactAfterRecords);
        }
    }

    /** Retention 1 h past the deadline, 7 days for undated attempts, compaction from 1,000,000 records. */
    public static LedgerConfig defaults(Path file) {
        return new LedgerConfig(file, Duration.ofHours(1), Duration.ofDays(7), 1_000_000);
    }

    public LedgerConfig withRetention(Duration pastDeadline, Duration undated) {
        return new LedgerConfig(file, pastDeadline, undated, compactAfterRecords);
    }

    public LedgerConfig withCompactAfterRecords(long records) {
        return new LedgerConfig(file, retention, undatedRetention, records);
    }

    /** The temporary file a compaction writes before renaming it over the journal. */
    Path compactingFile() {
        return file.resolveSibling(file.getFileName() + ".compacting");
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
