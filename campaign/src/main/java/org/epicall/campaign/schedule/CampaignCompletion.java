package org.epicall.campaign.schedule;

import org.epicall.campaign.contact.ContactStore;
import org.epicall.campaign.lifecycle.CampaignLifecycle;
import org.springframework.stereotype.Component;

/** Completes a running campaign once none of its contacts is pending, dialing or retrying. */
@Component
class CampaignCompletion {

    private final ContactStore contacts;
    private final CampaignLifecycle lifecycle;

    CampaignCompletion(ContactStore contacts, CampaignLifecycle lifecycle) {
        this.contacts = contacts;
        this.lifecycle = lifecycle;
    }

    boolean completeIfFinished(String campaignId) {
        return contacts.openContacts(campaignId) == 0 && lifecycle.complete(campaignId);
    }
}
