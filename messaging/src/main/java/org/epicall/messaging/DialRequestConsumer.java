package org.epicall.messaging;

import java.util.function.BooleanSupplier;

import org.epicall.messaging.internal.CommittingConsumerLoop;
import org.epicall.survey.call.DialRequest;

/**
 * A dialer node's share of {@value Topics#DIAL_REQUESTS}: consumes in group
 * {@value Topics#DIALER_GROUP}, so each request goes to one node and more nodes mean more capacity.
 *
 * <p>Each poll (up to {@value #MAX_POLL_RECORDS} requests, in order per contact) goes to the
 * {@link BatchHandler} in three steps, which is what keeps a resident from being rung twice when a
 * node dies:
 * <ol>
 * <li>{@link BatchHandler#prepare prepare}: the node records the requests in its dial ledger, one
 * durable write for the poll, and dials nothing yet;</li>
 * <li>the poll's offsets are committed, one {@code commitSync} for the poll;</li>
 * <li>{@link BatchHandler#committed committed}: the node dials what it recorded. If the commit failed
 * (a rebalance may have given the partition to another node, which will dial the requests),
 * {@link BatchHandler#notCommitted notCommitted} instead: the node must not dial them.</li>
 * </ol>
 * A node that dies before the commit has dialed nothing, and the requests go to another node. A node
 * that dies after the commit and before dialing leaves its requests undialed: nobody rings, and the
 * campaign retries the contacts under new attempt ids once the attempts are overdue. A request the
 * handler cannot take now (its queue is full) is {@link BatchHandler.Verdict#AGAIN}: it and the
 * requests behind it in its partition come again a second later. A request it can never take (its
 * deadline passed) must be DONE, or it would block its partition for good.
 */
public final class DialRequestConsumer implements AutoCloseable {

    /** Requests fetched per poll: small, so one busy node does not hold work others could start. */
    private static final int MAX_POLL_RECORDS = 50;

    private final CommittingConsumerLoop<DialRequest> loop;

    private DialRequestConsumer(CommittingConsumerLoop<DialRequest> loop) {
        this.loop = loop;
    }

    /** Consumes in group {@value Topics#DIALER_GROUP}, always. */
    public static DialRequestConsumer start(KafkaConnection connection, BatchHandler<DialRequest> handler) {
        return start(connection, Topics.DIALER_GROUP, handler, () -> true);
    }

    /**
     * @param groupId the dialers' consumer group, the same for every node of a deployment
     * @param ready   whether the node can place calls now; while it cannot, it leaves the group so that
     *                the other nodes take its share
     */
    public static DialRequestConsumer start(KafkaConnection connection, String groupId, BatchHandler<DialRequest> handler,
                                            BooleanSupplier ready) {
        EventJson json = new EventJson();
        return new DialRequestConsumer(new CommittingConsumerLoop<>(connection, groupId,
                Topics.DIAL_REQUESTS, MAX_POLL_RECORDS, json::readDialRequest, handler).whileTaking(ready).start());
    }

    /** False once the consumer has stopped or failed (the log says why). */
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** True while it is a member of the group, taking requests. */
    public boolean isTaking() {
        return loop.isSubscribed();
    }

    /** Stops consuming; requests handed out and not yet committed go to another node. */
    @Override
    public void close() {
        loop.close();
    }
}
