package org.epicall.campaign.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.epicall.campaign.schedule.DialRequestPublisher;
import org.epicall.survey.call.DialRequest;

/** The dialers' side of the boundary: keeps what the scheduler published, in order. Thread-safe. */
public final class RecordingDialRequests implements DialRequestPublisher {

    private final List<DialRequest> published = new ArrayList<>();

    @Override
    public synchronized void publish(DialRequest request) {
        published.add(request);
    }

    /** Returns and forgets what was published since the last call. */
    public synchronized List<DialRequest> drain() {
        List<DialRequest> copy = List.copyOf(published);
        published.clear();
        return copy;
    }
}
