package org.epicall.dialer.service;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.MeterRegistry;
import org.epicall.dialer.DialerConfig;
import org.epicall.dialer.DialerNode;
import org.epicall.dialer.agi.SurveyScripts;
import org.epicall.messaging.BatchHandler;
import org.epicall.messaging.DialRequestConsumer;
import org.epicall.messaging.PhoneNumberDisclosure;
import org.epicall.messaging.ResultPublisher;
import org.epicall.survey.call.DialRequest;

/**
 * A dialer node as it runs in production, fed from Kafka: it takes dial requests from
 * {@code epicall.dial-requests} in the dialers' consumer group, calls through the PBX over AMI, runs
 * the survey over FastAGI, and reports attempts and results through its own durable outbox to
 * {@code epicall.call-attempts} and {@code epicall.survey-results}. Each poll of requests is recorded
 * in the node's dial ledger, committed, and only then dialed ({@link DialerIntake}).
 */
public final class DialerService implements AutoCloseable {

    private final ResultPublisher results;
    private final DialerNode node;
    private final DialRequestConsumer requests;

    private DialerService(ResultPublisher results, DialerNode node, DialRequestConsumer requests) {
        this.results = results;
        this.node = node;
        this.requests = requests;
    }

    /**
     * Opens the outbox (results an earlier run left there are delivered first), starts the node, then
     * starts consuming.
     *
     * @param outboxDirectory where results wait until Kafka has acknowledged them; this node's alone
     */
    public static DialerService start(DialerConfig config, Path outboxDirectory, String bootstrapServers,
                                      SurveyScripts scripts, MeterRegistry meters) {
        return start(config, outboxDirectory, bootstrapServers, scripts, meters, UnaryOperator.identity());
    }

    /** @param intake wraps what the consumer hands each poll to (tests: a crash between two steps) */
    static DialerService start(DialerConfig config, Path outboxDirectory, String bootstrapServers,
                               SurveyScripts scripts, MeterRegistry meters,
                               UnaryOperator<BatchHandler<DialRequest>> intake) {
        ResultPublisher results = ResultPublisher.start(bootstrapServers, outboxDirectory, PhoneNumberDisclosure.NEVER);
        DialerNode node;
        try {
            node = DialerNode.start(config, results.sink(), scripts, meters);
        } catch (RuntimeException e) {
            results.close();
            throw e;
        }
        DialRequestConsumer requests = DialRequestConsumer.start(bootstrapServers,
                intake.apply(new DialerIntake(node)));
        return new DialerService(results, node, requests);
    }

    public DialerNode node() {
        return node;
    }

    /** Results on this node's disk not yet acknowledged by Kafka. */
    public int pendingResults() {
        return results.pendingCount();
    }

    /** Stops taking requests, then stops the node, then the publisher (which keeps what Kafka has not acknowledged). */
    @Override
    public void close() {
        requests.close();
        node.close();
        results.close();
    }
}
