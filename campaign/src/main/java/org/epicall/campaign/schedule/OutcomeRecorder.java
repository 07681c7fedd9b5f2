package org.epicall.campaign.schedule;

import java.time.Clock;
import java.time.Instant;
import org.epicall.campaign.contact.ContactState;
import org.epicall.campaign.contact.ContactStore;
import org.epicall.campaign.contact.NumberLocks;
import org.epicall.campaign.contact.ContactStore.AttemptRow;
import org.epicall.campaign.contact.SurveyResults;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.SurveyResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Applies dialer reports to contact state, following the campaign's retry policy. Thread-safe and idempotent. */
@Service
public class OutcomeRecorder implements AttemptResultHandler {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final ContactStore contacts;
    private final NumberLocks numbers;
    private final SurveyResults results;
    private final CampaignSchedules schedules;
    private final CampaignCompletion completion;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OutcomeRecorder(ContactStore contacts, NumberLocks numbers, SurveyResults results, CampaignSchedules schedules,
                    CampaignCompletion completion, TransactionTemplate tx, Clock clock,
                    ApplicationEventPublisher events) {
        this.contacts = contacts;
        this.numbers = numbers;
        this.results = results;
        this.schedules = schedules;
        this.completion = completion;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public void surveyFinished(SurveyResponse response) {
        if (contacts.attempt(response.attemptId()).isEmpty()) {
            log.warn("ignoring survey for unknown attempt {} (campaign {})", response.attemptId(), response.campaignId());
            return;
        }
        if (results.save(response)) {
            events.publishEvent(new ProgressChanged(response.campaignId()));
        }
    }

    @Override
    public void attemptFinished(AttemptResult result) {
        Boolean applied = tx.execute(status -> apply(result));
        if (Boolean.TRUE.equals(applied)) {
            tx.executeWithoutResult(status -> completion.completeIfFinished(result.campaignId()));
            events.publishEvent(new ProgressChanged(result.campaignId()));
        }
    }

    private boolean apply(AttemptResult result) {
        AttemptRow attempt = contacts.attempt(result.attemptId()).orElse(null);
        if (attempt == null) {
            log.warn("ignoring report for unknown attempt {} (campaign {})", result.attemptId(), result.campaignId());
            return false;
        }
        Instant now = clock.instant();
        Instant ended = result.endedAt() == null ? now : result.endedAt();
        String outcome = result.outcome().name();
        switch (attempt.state()) {
            case "OUTSTANDING" -> {
                if (!contacts.endAttempt(attempt.attemptId(), "OUTSTANDING", "FINISHED", outcome,
                        result.hangupCause(), ended, result.detail())) {
                    return false;
                }
                settle(attempt, result.outcome(), now);
                return true;
            }
            case "SWEPT" -> {
                // The contact was already rescheduled; only a late answer still changes it.
                contacts.endAttempt(attempt.attemptId(), "SWEPT", "LATE", outcome, result.hangupCause(), ended,
                        result.detail());
                if (result.outcome() == CallOutcome.ANSWERED) {
                    contacts.completeIfWaiting(attempt.contactId());
                }
                log.info("late report for swept attempt {}: {}", attempt.attemptId(), outcome);
                return true;
            }
            default -> {
                log.debug("duplicate report for attempt {} ignored", attempt.attemptId());
                return false;
            }
        }
    }

    private void settle(AttemptRow attempt, CallOutcome outcome, Instant now) {
        RetryPolicy.Next next = schedules.of(attempt.campaignId()).retryPolicy().after(outcome, attempt.contactAttempts());
        ContactState state;
        Instant retryAt = null;
        switch (next) {
            case RetryPolicy.Completed c -> state = ContactState.COMPLETED;
            case RetryPolicy.GiveUp g -> state = ContactState.FAILED;
            case RetryPolicy.OutOfAttempts o -> state = ContactState.EXHAUSTED;
            case RetryPolicy.RetryAfter r -> {
                state = ContactState.RETRYING;
                retryAt = now.plus(r.delay());
            }
        }
        contacts.settle(attempt.contactId(), attempt.attemptId(), state, retryAt, outcome.name(),
                outcome.countsAgainstResident());
        numbers.release(attempt.attemptId(), now);
    }
}
