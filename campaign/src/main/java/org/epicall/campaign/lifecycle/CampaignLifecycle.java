package org.epicall.campaign.lifecycle;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle commands. Each is validated against the current state and applied with a
 * conditional update, so two officials clicking at once cannot produce an illegal transition.
 * Thread-safe.
 */
@Service
public class CampaignLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CampaignLifecycle.class);

    private final CampaignRepository campaigns;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public CampaignLifecycle(CampaignRepository campaigns, Clock clock, ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.clock = clock;
        this.events = events;
    }

    /** Draft → running. The roster import must have completed. */
    @Transactional
    public Campaign start(String id) {
        Campaign campaign = get(id);
        if (campaign.state() == CampaignState.DRAFT && campaign.importStatus() != ImportStatus.COMPLETED) {
            throw new CampaignNotReadyException(id, "its roster import is " + campaign.importStatus().name().toLowerCase()
                    + (campaign.importDetail() == null ? "" : " (" + campaign.importDetail() + ")"));
        }
        return move(campaign, CampaignState.DRAFT, CampaignState.RUNNING);
    }

    /** Running → paused: no new attempts; outstanding ones still report back. */
    @Transactional
    public Campaign pause(String id) {
        return move(get(id), CampaignState.RUNNING, CampaignState.PAUSED);
    }

    /** Paused → running. */
    @Transactional
    public Campaign resume(String id) {
        return move(get(id), CampaignState.PAUSED, CampaignState.RUNNING);
    }

    /** Draft, running or paused → cancelled. */
    @Transactional
    public Campaign cancel(String id) {
        Campaign campaign = get(id);
        return move(campaign, campaign.state(), CampaignState.CANCELLED);
    }

    /** Running → completed, when every contact is finished. Called by the scheduler, not by officials. */
    @Transactional
    public boolean complete(String id) {
        boolean moved = campaigns.transition(id, CampaignState.RUNNING, CampaignState.COMPLETED, clock.instant());
        if (moved) {
            log.info("campaign {} completed", id);
            events.publishEvent(new CampaignStateChanged(id, CampaignState.COMPLETED));
        }
        return moved;
    }

    public Campaign get(String id) {
        return campaigns.find(id).orElseThrow(() -> new CampaignNotFoundException(id));
    }

    private Campaign move(Campaign campaign, CampaignState expected, CampaignState target) {
        if (campaign.state() != expected || !expected.canMoveTo(target)
                || !campaigns.transition(campaign.id(), expected, target, clock.instant())) {
            CampaignState now = campaigns.find(campaign.id()).map(Campaign::state).orElse(campaign.state());
            throw new IllegalTransitionException(campaign.id(), now, target);
        }
        log.info("campaign {}: {} -> {}", campaign.id(), expected, target);
        events.publishEvent(new CampaignStateChanged(campaign.id(), target));
        return get(campaign.id());
    }
}
