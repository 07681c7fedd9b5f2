package org.epicall.campaign.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.context.SmartLifecycle;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.contact.CampaignProgress;
import org.epicall.campaign.lifecycle.Campaign;
import org.epicall.campaign.lifecycle.CampaignStateChanged;
import org.epicall.campaign.schedule.ProgressChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live campaign progress as server-sent events: a {@code progress} event with the campaign's state
 * and counts whenever they may have changed, and one per campaign when a client connects.
 * Thread-safe.
 */
@RestController
@Tag(name = "Campaigns")
class ProgressStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProgressStream.class);
    private static final long NO_TIMEOUT = 0L;

    private final Campaigns campaigns;
    private final List<SseEmitter> clients = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    ProgressStream(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /**
     * Event data: {@code {id, name, state, progress: {...}}}.
     */
    record ProgressEvent(String id, String name, String state, CampaignProgress progress) {
    }

    @GetMapping(path = "/api/campaigns/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: 'progress' for each campaign whose counts change",
            description = "The same for OFFICIAL and ANALYST: campaign id, name, state and counts; no resident data.")
    SseEmitter stream() {
        SseEmitter emitter = new SseEmitter(NO_TIMEOUT);
        if (!running) {
            // Shutting down: the client reconnects to whichever instance serves next.
            emitter.complete();
            return emitter;
        }
        emitter.onCompletion(() -> clients.remove(emitter));
        emitter.onTimeout(() -> clients.remove(emitter));
        emitter.onError(e -> clients.remove(emitter));
        clients.add(emitter);
        // Sent even when there is no campaign yet: a browser reports the stream open only once bytes arrive.
        try {
            synchronized (emitter) {
                emitter.send(SseEmitter.event().comment("connected"));
            }
        } catch (IOException | IllegalStateException gone) {
            clients.remove(emitter);
            return emitter;
        }
        for (Campaign campaign : campaigns.list()) {
            send(emitter, event(campaign));
        }
        return emitter;
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream. Runs before the web server's graceful shutdown (a higher phase stops
     * first), which would otherwise wait its whole timeout for these never-ending requests.
     */
    @Override
    public void stop() {
        running = false;
        for (SseEmitter client : clients) {
            client.complete();
        }
        clients.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onProgress(ProgressChanged changed) {
        broadcast(changed.campaignId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onState(CampaignStateChanged changed) {
        broadcast(changed.campaignId());
    }

    private void broadcast(String campaignId) {
        if (clients.isEmpty()) {
            return;
        }
        ProgressEvent event = event(campaigns.get(campaignId));
        for (SseEmitter client : clients) {
            send(client, event);
        }
    }

    private ProgressEvent event(Campaign campaign) {
        return new ProgressEvent(campaign.id(), campaign.name(), campaign.state().name().toLowerCase(),
                campaigns.progress(campaign.id()));
    }

    private void send(SseEmitter client, ProgressEvent event) {
        try {
            synchronized (client) {
                client.send(SseEmitter.event().name("progress").data(event, MediaType.APPLICATION_JSON));
            }
        } catch (IOException | IllegalStateException gone) {
            log.debug("dashboard client went away", gone);
            clients.remove(client);
        }
    }
}
