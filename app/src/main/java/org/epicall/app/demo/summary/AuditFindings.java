package org.epicall.app.demo.summary;

import java.util.List;

/**
 * What {@link AttemptAudit} found wrong in a campaign's attempts; empty lists mean the rules held.
 *
 * @param maxAttempts        the attempt cap per resident
 * @param mostAttempts       the most attempts any resident got
 * @param overCap            residents called more often than the cap
 * @param outsideWindow      attempts originated outside the calling window
 * @param earlyRetries       attempts that followed a retryable outcome sooner than its retry delay
 * @param overlapping        attempts that started while the same resident's previous attempt was still live
 */
public record AuditFindings(int maxAttempts, int mostAttempts, List<String> overCap, List<String> outsideWindow,
                            List<String> earlyRetries, List<String> overlapping) {

    public AuditFindings {
        overCap = List.copyOf(overCap);
        outsideWindow = List.copyOf(outsideWindow);
        earlyRetries = List.copyOf(earlyRetries);
        overlapping = List.copyOf(overlapping);
    }

    public boolean clean() {
        return overCap.isEmpty() && outsideWindow.isEmpty() && earlyRetries.isEmpty() && overlapping.isEmpty();
    }
}
