package org.epicall.campaign.messaging;

import java.util.function.Consumer;

import org.epicall.campaign.messaging.internal.CommittingConsumerLoop;
import org.epicall.survey.call.DialRequest;

/**
 * A dialer node's share of {@value Topics#DIAL_REQUESTS}: consumes in group
 * {@value Topics#DIALER_GROUP}, so each request goes to one node and more nodes mean more capacity.
 *
 * <p>Each request is handed to the callback on the consumer's own thread, in order per contact; its
 * offset is committed only after the callback returned. A callback that throws gets the same
 * request again a second later. After a node dies, its uncommitted requests go to another node,
 * so a request can arrive twice: the callback must ignore an {@code attemptId} it has seen
 * (see {@link DialRequest}).
 */
public final class DialRequestConsumer implements AutoCloseable {

    /** Requests fetched per poll: small, so one busy node does not hold work others could start. */
    private static final int MAX_POLL_RECORDS = 50;

    private final CommittingConsumerLoop<DialRequest> loop;

    private DialRequestConsumer(CommittingConsumerLoop<DialRequest> loop) {
        this.loop = loop;
    }

    public static DialRequestConsumer start(String bootstrapServers, Consumer<DialRequest> callback) {
        EventJson json = new EventJson();
        return new DialRequestConsumer(new CommittingConsumerLoop<>(bootstrapServers, Topics.DIALER_GROUP,
                Topics.DIAL_REQUESTS, MAX_POLL_RECORDS, json::readDialRequest, callback).start());
    }

    /** Stops consuming; requests handed out and not yet committed go to another node. */
    @Override
    public void close() {
        loop.close();
    }
}
