package org.epicall.survey.call;

import java.time.Instant;

/**
 * The one record every call attempt ends in, answered or not.
 *
 * @param attemptId   the {@link DialRequest#attemptId()} this reports on
 * @param campaignId  campaign of the attempt
 * @param contactRef  pseudonymous contact reference
 * @param outcome     how the call ended at the network level
 * @param hangupCause Q.850 cause from the PBX, or {@code null} if none was seen
 * @param server      name of the PBX that carried the call, or {@code null} if none was reached
 * @param originatedAt when the originate was sent
 * @param answeredAt  when the resident answered, or {@code null}
 * @param endedAt     when the attempt ended
 * @param detail      a human-readable note for operators (e.g. the PBX's failure text); may be empty
 */
public record AttemptResult(
        String attemptId,
        String campaignId,
        String contactRef,
        CallOutcome outcome,
        Integer hangupCause,
        String server,
        Instant originatedAt,
        Instant answeredAt,
        Instant endedAt,
        String detail) {
}
