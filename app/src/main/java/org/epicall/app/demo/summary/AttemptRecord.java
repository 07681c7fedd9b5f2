package org.epicall.app.demo.summary;

import java.time.Instant;
import java.util.Objects;

import org.epicall.survey.call.CallOutcome;

/**
 * One attempt as read back from {@code epicall.call-attempts}.
 *
 * @param attemptId    the attempt
 * @param contactRef   the resident
 * @param outcome      how it ended
 * @param originatedAt when the originate went out, or {@code null} if no PBX was reached
 * @param endedAt      when it ended, or {@code null} if not reported
 */
public record AttemptRecord(String attemptId, String contactRef, CallOutcome outcome, Instant originatedAt,
                            Instant endedAt) {

    public AttemptRecord {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(contactRef, "contactRef");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** When the attempt was live from, for ordering: the originate, else its end. */
    Instant start() {
        return originatedAt != null ? originatedAt : endedAt;
    }

    /** When the attempt stopped being live: its end, else its originate. */
    Instant end() {
        return endedAt != null ? endedAt : originatedAt;
    }
}
