package org.epicall.campaign.schedule;

import java.time.Clock;
import java.time.Instant;
import org.epicall.campaign.config.CampaignProperties;
import org.epicall.campaign.contact.ContactState;
import org.epicall.campaign.contact.ContactStore;
import org.epicall.campaign.contact.NumberLocks;
import org.epicall.campaign.contact.ContactStore.AttemptRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reschedules attempts that never reported back. An attempt becomes sweepable only after its
 * dial request expired ({@code notAfter}) plus the longest a call may last, so by then the dialer can
 * no longer be ringing the resident and the retry cannot overlap it.
 */
@Service
public class AttemptSweeper {

    private static final Logger log = LoggerFactory.getLogger(AttemptSweeper.class);

    private final ContactStore contacts;
    private final NumberLocks numbers;
    private final CampaignSchedules schedules;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CampaignProperties properties;
    private final ApplicationEventPublisher events;

    AttemptSweeper(ContactStore contacts, NumberLocks numbers, CampaignSchedules schedules, TransactionTemplate tx, Clock clock,
                   CampaignProperties properties, ApplicationEventPublisher events) {
        this.contacts = contacts;
        this.numbers = numbers;
        this.schedules = schedules;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
    }

    /** @return attempts swept in this pass */
    public int sweep() {
        Instant now = clock.instant();
        int swept = 0;
        for (String attemptId : contacts.overdueAttempts(now, properties.schedule().batchSize())) {
            String campaignId = tx.execute(s -> sweepOne(attemptId, now));
            if (campaignId != null) {
                swept++;
                events.publishEvent(new ProgressChanged(campaignId));
            }
        }
        return swept;
    }

    private String sweepOne(String attemptId, Instant now) {
        AttemptRow attempt = contacts.attempt(attemptId).orElse(null);
        if (attempt == null || !contacts.endAttempt(attemptId, "OUTSTANDING", "SWEPT", null, null, now,
                "no report from the dialer")) {
            return null;
        }
        boolean outOfAttempts = attempt.contactAttempts() >= schedules.of(attempt.campaignId()).maxAttempts();
        contacts.settle(attempt.contactId(), attemptId, outOfAttempts ? ContactState.EXHAUSTED : ContactState.RETRYING,
                outOfAttempts ? null : now.plus(properties.schedule().sweptRetryDelay()), "LOST", true);
        // Swept only once the call can no longer be ringing (notAfter + longest call).
        numbers.release(attemptId, now);
        log.warn("attempt {} never reported back; contact {}", attemptId,
                outOfAttempts ? "is out of attempts" : "will be retried");
        return attempt.campaignId();
    }
}
