package org.epicall.app.demo.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import org.epicall.survey.call.CallOutcome;

/**
 * Checks a campaign's attempts, as they came back on Kafka, against the rules the campaign promised:
 * the attempt cap (attempts the resident had no part in, such as a server's refusal, are given back),
 * the calling window in the residents' zone, the retry delay after each outcome, and
 * never two live attempts at one resident. Independent of the campaign service's own bookkeeping, so
 * it catches what that bookkeeping would hide. Immutable and thread-safe.
 *
 * @param zone         the residents' time zone
 * @param windowStart  first local time a call may be originated
 * @param windowEnd    local time from which no call may be originated (exclusive)
 * @param retryDelays  minimum wait after each retryable outcome before the next attempt
 * @param maxAttempts  attempts allowed per resident
 */
public record AttemptAudit(ZoneId zone, LocalTime windowStart, LocalTime windowEnd,
                           Map<CallOutcome, Duration> retryDelays, int maxAttempts) {

    public AttemptAudit {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        retryDelays = Map.copyOf(retryDelays);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
    }

    /** Audits one campaign's attempts, counting only its own when looking for overlapping calls. */
    public AuditFindings audit(Collection<AttemptRecord> attempts) {
        return audit(attempts, attempts, ref -> ref);
    }

    /**
     * Audits one campaign's attempts against its cap, window and retry delays, and looks for overlapping
     * calls to one resident among the attempts of every campaign: a resident on two rosters has a contact
     * reference in each, which {@code residentOf} maps to the same resident.
     */
    public AuditFindings audit(Collection<AttemptRecord> attempts, Collection<AttemptRecord> everyCampaign,
                               Function<String, String> residentOf) {
        AuditFindings own = auditOwn(attempts);
        Map<String, List<AttemptRecord>> byResident = new TreeMap<>();
        for (AttemptRecord a : everyCampaign) {
            if (a.start() != null) {
                byResident.computeIfAbsent(residentOf.apply(a.contactRef()), k -> new ArrayList<>()).add(a);
            }
        }
        List<String> overlapping = new ArrayList<>();
        for (List<AttemptRecord> calls : byResident.values()) {
            List<AttemptRecord> sorted = calls.stream().sorted(Comparator.comparing(AttemptRecord::start)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                AttemptRecord previous = sorted.get(i - 1);
                AttemptRecord next = sorted.get(i);
                if (next.originatedAt() != null && previous.end() != null && next.originatedAt().isBefore(previous.end())) {
                    overlapping.add(next.attemptId() + " started before " + previous.attemptId() + " ended");
                }
            }
        }
        return new AuditFindings(own.maxAttempts(), own.mostAttempts(), own.overCap(), own.outsideWindow(),
                own.earlyRetries(), overlapping);
    }

    private AuditFindings auditOwn(Collection<AttemptRecord> attempts) {
        Map<String, List<AttemptRecord>> byResident = new TreeMap<>();
        for (AttemptRecord a : attempts) {
            byResident.computeIfAbsent(a.contactRef(), k -> new ArrayList<>()).add(a);
        }
        List<String> overCap = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        List<String> early = new ArrayList<>();
        List<String> overlapping = new ArrayList<>();
        int most = 0;
        for (var entry : byResident.entrySet()) {
            List<AttemptRecord> list = entry.getValue().stream()
                    .filter(a -> a.start() != null)
                    .sorted(Comparator.comparing(AttemptRecord::start))
                    .toList();
            // an attempt the resident had no part in (the PBX or the campaign's setup failed) is given back
            long counted = entry.getValue().stream().filter(a -> a.outcome().countsAgainstResident()).count();
            most = (int) Math.max(most, counted);
            if (counted > maxAttempts) {
                overCap.add(entry.getKey() + ": " + counted + " attempts, cap " + maxAttempts);
            }
            for (int i = 0; i < list.size(); i++) {
                AttemptRecord a = list.get(i);
                if (a.originatedAt() != null && !insideWindow(a.originatedAt())) {
                    outside.add(a.attemptId() + " at " + a.originatedAt().atZone(zone).toLocalTime());
                }
                if (i > 0) {
                    checkGap(list.get(i - 1), a, early, overlapping);
                }
            }
        }
        return new AuditFindings(maxAttempts, most, overCap, outside, early, overlapping);
    }

    private void checkGap(AttemptRecord previous, AttemptRecord next, List<String> early, List<String> overlapping) {
        Instant previousEnd = previous.end();
        if (next.originatedAt() == null || previousEnd == null) {
            return;
        }
        if (next.originatedAt().isBefore(previousEnd)) {
            overlapping.add(next.attemptId() + " started before " + previous.attemptId() + " ended");
            return;
        }
        Duration wanted = retryDelays.getOrDefault(previous.outcome(), Duration.ZERO);
        Duration waited = Duration.between(previousEnd, next.originatedAt());
        if (waited.compareTo(wanted) < 0) {
            early.add(next.attemptId() + " " + waited.toMillis() + " ms after " + previous.outcome() + " ("
                    + previous.attemptId() + "), delay " + wanted.toMillis() + " ms");
        }
    }

    private boolean insideWindow(Instant when) {
        LocalTime local = when.atZone(zone).toLocalTime();
        return !local.isBefore(windowStart) && local.isBefore(windowEnd);
    }
}
