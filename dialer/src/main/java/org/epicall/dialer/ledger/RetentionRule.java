package org.epicall.dialer.ledger;

import java.time.Instant;

/**
 * Decides which entries a compaction may drop. The reasoning is in {@link JournalDialLedger}'s
 * javadoc; this class only applies it.
 */
final class RetentionRule {

    private final LedgerConfig config;

    RetentionRule(LedgerConfig config) {
        this.config = config;
    }

    /**
     * The horizon a compaction at {@code now} publishes: every dated entry it drops has a deadline at
     * or before it, so the ledger refuses any request with such a deadline from then on.
     */
    Instant horizon(Instant now, Instant previous) {
        Instant h = now.minus(config.retention());
        return previous != null && previous.isAfter(h) ? previous : h;
    }

    /** True if an entry may be forgotten by a compaction at {@code now} that publishes {@code horizon}. */
    boolean forgettable(LedgerEntry e, Instant now, Instant horizon) {
        if (!e.ended()) {
            return false;
        }
        if (e.notAfter() != null) {
            return !e.notAfter().isAfter(horizon);
        }
        return !e.endedAt().plus(config.undatedRetention()).isAfter(now);
    }
}
