package org.epicall.campaign.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.contact.ContactStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The attempts dialer nodes would not place, so that no resident is called who cannot be surveyed: a node
 * that cannot load the campaign's questionnaire version (or has no recognition model for the resident's
 * language) reports the attempt REFUSED with its reason, and the campaign tries the resident again later.
 */
@RestController
@Tag(name = "Campaigns")
class DialerRefusalsController {

    private static final int LATEST = 20;

    private final Campaigns campaigns;

    DialerRefusalsController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping("/api/campaigns/{id}/refusals")
    @Operation(summary = "Attempts dialer nodes refused to place: how many, and the latest 20 with each node's reason",
            description = "Outcome REFUSED: nothing was dialed. The reason names what the node lacked (the"
                    + " questionnaire version it could not load, a language without a model) and what to do.")
    ContactStore.Refusals refusals(@PathVariable String id) {
        return campaigns.refusals(id, LATEST);
    }
}
