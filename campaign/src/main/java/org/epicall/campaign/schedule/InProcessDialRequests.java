package org.epicall.campaign.schedule;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.epicall.survey.call.DialRequest;

/**
 * Delivers dial requests to dialers running in the same JVM, for an embedded service started without
 * a broker. With no dialer subscribed it refuses requests, so the attempts are retried rather than lost.
 * Thread-safe.
 */
public class InProcessDialRequests implements DialRequestPublisher {

    private final List<Consumer<DialRequest>> dialers = new CopyOnWriteArrayList<>();

    /** Adds a dialer; it is called on the scheduler's thread and must hand the request off quickly. */
    public void subscribe(Consumer<DialRequest> dialer) {
        dialers.add(dialer);
    }

    @Override
    public void publish(DialRequest request) {
        if (dialers.isEmpty()) {
            throw new DialRequestPublishException("no dialer is connected to take attempt " + request.attemptId(), null);
        }
        // Keyed by contact like the topic: the same contact always goes to the same dialer.
        int index = Math.floorMod(request.contactRef().hashCode(), dialers.size());
        try {
            dialers.get(index).accept(request);
        } catch (RuntimeException e) {
            throw new DialRequestPublishException("dialer refused attempt " + request.attemptId(), e);
        }
    }
}
