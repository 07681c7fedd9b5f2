package org.epicall.campaign.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.epicall.campaign.contact.CampaignProgress;
import org.epicall.campaign.contact.ContactStore;
import org.epicall.campaign.lifecycle.Campaign;
import org.epicall.campaign.lifecycle.CampaignRepository;
import org.epicall.campaign.lifecycle.CampaignStateChanged;
import org.epicall.campaign.schedule.ProgressChanged;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Campaign progress as Micrometer gauges, refreshed when progress changes:
 * {@code epicall.campaign.contacts{campaign,state}} (pending, dialing, retrying, completed, failed,
 * exhausted) and {@code epicall.campaign.attempts{campaign,result}} (dialed, answered).
 * Thread-safe.
 */
@Component
public class CampaignMetrics {

    private static final Map<String, ToLongFunction<CampaignProgress>> STATES = Map.of(
            "pending", CampaignProgress::pending, "dialing", CampaignProgress::dialing,
            "retrying", CampaignProgress::retrying, "completed", CampaignProgress::completed,
            "failed", CampaignProgress::failed, "exhausted", CampaignProgress::exhausted);
    private static final Map<String, ToLongFunction<CampaignProgress>> ATTEMPTS = Map.of(
            "dialed", CampaignProgress::dialed, "answered", CampaignProgress::answered);

    private final CampaignRepository campaigns;
    private final ContactStore contacts;
    private final MultiGauge contactGauge;
    private final MultiGauge attemptGauge;

    CampaignMetrics(CampaignRepository campaigns, ContactStore contacts, MeterRegistry registry) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.contactGauge = MultiGauge.builder("epicall.campaign.contacts")
                .description("contacts of each campaign by state").baseUnit("contacts").register(registry);
        this.attemptGauge = MultiGauge.builder("epicall.campaign.attempts")
                .description("call attempts of each campaign").baseUnit("attempts").register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        refresh();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onProgress(ProgressChanged changed) {
        refresh();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onState(CampaignStateChanged changed) {
        refresh();
    }

    /** Re-reads every campaign's counts into the gauges. */
    public synchronized void refresh() {
        List<MultiGauge.Row<?>> contactRows = new ArrayList<>();
        List<MultiGauge.Row<?>> attemptRows = new ArrayList<>();
        for (Campaign campaign : campaigns.findAll()) {
            CampaignProgress progress = contacts.progress(campaign.id());
            STATES.forEach((state, count) -> contactRows.add(MultiGauge.Row.of(
                    Tags.of("campaign", campaign.id(), "state", state), count.applyAsLong(progress))));
            ATTEMPTS.forEach((result, count) -> attemptRows.add(MultiGauge.Row.of(
                    Tags.of("campaign", campaign.id(), "result", result), count.applyAsLong(progress))));
        }
        contactGauge.register(contactRows, true);
        attemptGauge.register(attemptRows, true);
    }
}
