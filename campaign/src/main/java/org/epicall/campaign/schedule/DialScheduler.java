package org.epicall.campaign.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.epicall.campaign.config.CampaignProperties;
import org.epicall.campaign.config.ScheduleProperties;
import org.epicall.campaign.contact.ContactStore;
import org.epicall.campaign.contact.ContactStore.NewAttempt;
import org.epicall.campaign.contact.DueContact;
import org.epicall.campaign.contact.NumberLocks;
import org.epicall.campaign.roster.PhoneNumbers;
import org.epicall.campaign.lifecycle.Campaign;
import org.epicall.campaign.lifecycle.CampaignLifecycle;
import org.epicall.campaign.lifecycle.CampaignRepository;
import org.epicall.campaign.lifecycle.CampaignState;
import org.epicall.survey.call.DialRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emits dial requests for the contacts of running campaigns whose next attempt is due, inside each
 * contact's calling window and daily cap, as the campaign's own {@link CampaignSchedule} sets them. A contact is claimed (state DIALING, one outstanding
 * attempt) in the database before its request is published, so no contact is ever dialled twice at
 * once. Not reentrant: one tick at a time (the timer guarantees it).
 */
@Service
public class DialScheduler {

    private static final Logger log = LoggerFactory.getLogger(DialScheduler.class);
    private static final Duration UNSENT_RETRY = Duration.ofSeconds(30);

    private final CampaignRepository campaigns;
    private final ContactStore contacts;
    private final NumberLocks numbers;
    private final CampaignSchedules schedules;
    private final DialRequestPublisher publisher;
    private final CampaignCompletion completion;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ScheduleProperties settings;
    private final ApplicationEventPublisher events;

    DialScheduler(CampaignRepository campaigns, ContactStore contacts, NumberLocks numbers, CampaignSchedules schedules,
                  DialRequestPublisher publisher, CampaignCompletion completion, TransactionTemplate tx, Clock clock,
                  CampaignProperties properties, ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.numbers = numbers;
        this.schedules = schedules;
        this.publisher = publisher;
        this.completion = completion;
        this.tx = tx;
        this.clock = clock;
        this.settings = properties.schedule();
        this.events = events;
    }

    /**
     * One pass over every running campaign.
     *
     * @return dial requests published in this pass
     */
    public int tick() {
        int published = 0;
        for (String campaignId : campaigns.idsInState(CampaignState.RUNNING)) {
            Campaign campaign = campaigns.find(campaignId).orElse(null);
            if (campaign == null || campaign.state() != CampaignState.RUNNING) {
                continue;
            }
            int sent = schedule(campaign);
            published += sent;
            tx.executeWithoutResult(s -> completion.completeIfFinished(campaignId));
            if (sent > 0) {
                events.publishEvent(new ProgressChanged(campaignId));
            }
        }
        return published;
    }

    private int schedule(Campaign campaign) {
        Instant now = clock.instant();
        CampaignSchedule plan = schedules.of(campaign.id());
        CallingWindow window = plan.window();
        RetryPolicy retryPolicy = plan.retryPolicy();
        int published = 0;
        for (DueContact contact : contacts.due(campaign.id(), now, settings.batchSize())) {
            if (!window.allows(now, contact.zone())) {
                contacts.defer(contact.id(), window.nextOpening(now, contact.zone()));
                continue;
            }
            LocalDate localDay = now.atZone(contact.zone()).toLocalDate();
            if (contact.attemptsOn(localDay) >= retryPolicy.dailyCap()) {
                contacts.defer(contact.id(),
                        window.nextOpening(CallingWindow.startOfNextDay(now, contact.zone()), contact.zone()));
                continue;
            }
            if (contact.counted() >= retryPolicy.maxAttempts()) {
                continue;
            }
            if (dial(campaign, window, contact, now, localDay)) {
                published++;
            }
        }
        return published;
    }

    private boolean dial(Campaign campaign, CallingWindow window, DueContact contact, Instant now, LocalDate localDay) {
        Instant closes = window.closesAt(now, contact.zone());
        Instant ttl = now.plus(settings.dispatchTtl());
        Instant notAfter = closes.isBefore(ttl) ? closes : ttl;
        NewAttempt attempt = new NewAttempt(UUID.randomUUID().toString(), campaign.id(), now, notAfter,
                notAfter.plus(settings.maxCallDuration()));
        Claim claim;
        try {
            claim = tx.execute(s -> {
                if (!numbers.lock(PhoneNumbers.key(contact.phoneE164()), attempt.attemptId(), campaign.id(), now,
                        settings.minGapAcrossCampaigns())) {
                    return Claim.NUMBER_BUSY;
                }
                if (!contacts.claim(contact, attempt, localDay)) {
                    s.setRollbackOnly();
                    return Claim.TAKEN;
                }
                return Claim.CLAIMED;
            });
        } catch (DuplicateKeyException e) {
            // Another instance took the number's first lock at the same moment (rolled back here): it is calling.
            claim = Claim.NUMBER_BUSY;
        }
        if (claim == Claim.NUMBER_BUSY) {
            // Another campaign is calling the number, or called it less than the gap ago.
            contacts.defer(contact.id(), now.plus(settings.sweptRetryDelay()));
            return false;
        }
        if (claim != Claim.CLAIMED) {
            return false;
        }
        DialRequest request = new DialRequest(attempt.attemptId(), campaign.id(), contact.contactRef(),
                contact.phoneE164(), contact.language(), campaign.questionnaireId(), contact.attempts() + 1, notAfter);
        try {
            publisher.publish(request);
            return true;
        } catch (DialRequestPublishException e) {
            log.warn("attempt {} for {} not handed over, retrying later: {}", attempt.attemptId(),
                    contact.contactRef(), e.getMessage());
            tx.executeWithoutResult(s -> {
                contacts.unclaim(attempt.attemptId(), now.plus(UNSENT_RETRY));
                numbers.unlock(attempt.attemptId());
            });
            return false;
        }
    }

    private enum Claim { CLAIMED, TAKEN, NUMBER_BUSY }
}
