package org.epicall.campaign.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One entry of the audit log. It never holds a resident's name or number: residents appear by their
 * pseudonymous contactRef.
 *
 * @param id         increasing with time of recording
 * @param occurredAt when it was done
 * @param actor      the signed-in user, or {@code system} for what the service did on its own
 * @param action     what was done
 * @param campaignId the campaign concerned, or {@code null}
 * @param subject    what within the campaign: a contactRef, a prompt; or {@code null}
 * @param detail     more about it, e.g. the question whose recording was played; or {@code null}
 */
@Schema(description = "An audited action. Residents appear by contactRef only.")
public record AuditEvent(long id, Instant occurredAt, String actor, AuditAction action,
                         @Schema(nullable = true) String campaignId,
                         @Schema(nullable = true) String subject,
                         @Schema(nullable = true) String detail) {
}
