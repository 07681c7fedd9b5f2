package org.epicall.dialer.ledger;

import java.time.Duration;
import java.time.Instant;

/**
 * What one compaction of the dial ledger did.
 *
 * @param entriesBefore attempts remembered before
 * @param entriesKept   attempts remembered after (open ones always among them)
 * @param bytesBefore   journal size when the compaction started
 * @param bytesAfter    journal size right after the swap (including records appended meanwhile)
 * @param horizon       requests with a deadline at or before this are refused from now on
 * @param took          the whole compaction, wall time
 * @param appendsPaused how long appends waited while the compacted journal was swapped in
 */
public record CompactionResult(long entriesBefore, long entriesKept, long bytesBefore, long bytesAfter,
        Instant horizon, Duration took, Duration appendsPaused) {
}
