package org.epicall.campaign.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.epicall.campaign.audit.AuditEvent;
import org.epicall.campaign.audit.AuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log over HTTP, for officials. */
@RestController
@Tag(name = "Audit", description = "Who did what, and when")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "Audited actions, newest first (OFFICIAL)",
            description = "Who created, started, paused, resumed and cancelled campaigns, followed up residents,"
                    + " listened to their recordings, exported the flagged list and uploaded prompt recordings."
                    + " Residents appear by contactRef only. ANALYST gets 403.")
    List<AuditEvent> audit(@Parameter(description = "only this campaign's entries")
                           @RequestParam(name = "campaignId", required = false) String campaignId,
                           @RequestParam(defaultValue = "0") int offset,
                           @RequestParam(defaultValue = "100") int limit) {
        return audit.list(campaignId, Paging.offset(offset), Paging.limit(limit));
    }
}
