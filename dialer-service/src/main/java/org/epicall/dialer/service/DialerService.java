package org.epicall.dialer.service;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.MeterRegistry;
import org.epicall.dialer.DialerConfig;
import org.epicall.dialer.DialerNode;
import org.epicall.dialer.agi.SurveyScripts;
import org.epicall.messaging.BatchHandler;
import org.epicall.messaging.DialRequestConsumer;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.PhoneNumberDisclosure;
import org.epicall.messaging.ResultPublisher;
import org.epicall.messaging.Topics;
import org.epicall.survey.call.DialRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dialer node as it runs in production, fed from Kafka: it takes dial requests from
 * {@code epicall.dial-requests} in the dialers' consumer group, calls through the PBX over AMI, runs
 * the survey over FastAGI, and reports attempts and results through its own durable outbox to
 * {@code epicall.call-attempts} and {@code epicall.survey-results}. Each poll of requests is recorded
 * in the node's dial ledger, committed, and only then dialed ({@link DialerIntake}). While none of its
 * Asterisk servers is reachable it leaves the consumer group, so the other nodes take its share.
 */
public final class DialerService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DialerService.class);
    /** How long an Asterisk outage may last before the node hands its partitions to the others. */
    private static final Duration OUTAGE_BEFORE_LEAVING = Duration.ofSeconds(10);
    private static final Duration OUTBOX_FLUSH = Duration.ofSeconds(15);

    private final ResultPublisher results;
    private final DialerNode node;
    private final DialRequestConsumer requests;
    private final Duration shutdownGrace;

    private DialerService(ResultPublisher results, DialerNode node, DialRequestConsumer requests, Duration shutdownGrace) {
        this.results = results;
        this.node = node;
        this.requests = requests;
        this.shutdownGrace = shutdownGrace;
    }

    /**
     * How the node meets Kafka, and how it stops.
     *
     * @param connection       the cluster
     * @param consumerGroup    the dialers' consumer group
     * @param outboxDirectory  where results wait until Kafka has acknowledged them; this node's alone
     * @param shutdownGrace    how long {@link #close} lets calls in progress finish
     */
    public record Settings(KafkaConnection connection, String consumerGroup, Path outboxDirectory, Duration shutdownGrace) {

        /** The standard group, no grace: for tests and tools. */
        public static Settings of(KafkaConnection connection, Path outboxDirectory) {
            return new Settings(connection, Topics.DIALER_GROUP, outboxDirectory, Duration.ZERO);
        }
    }

    /**
     * Opens the outbox (results an earlier run left there are delivered first), starts the node, then
     * starts consuming once an Asterisk server is up.
     */
    public static DialerService start(DialerConfig config, Settings settings, SurveyScripts scripts, MeterRegistry meters) {
        return start(config, settings, scripts, CallReadiness.ALWAYS, meters);
    }

    /** @param readiness which requests this node can survey; the rest it refuses to the campaign */
    public static DialerService start(DialerConfig config, Settings settings, SurveyScripts scripts,
                                      CallReadiness readiness, MeterRegistry meters) {
        return start(config, settings, scripts, readiness, meters, UnaryOperator.identity());
    }

    /** @param intake wraps what the consumer hands each poll to (tests: a crash between two steps) */
    static DialerService start(DialerConfig config, Settings settings, SurveyScripts scripts, CallReadiness readiness,
                               MeterRegistry meters, UnaryOperator<BatchHandler<DialRequest>> intake) {
        ResultPublisher results = ResultPublisher.start(settings.connection(), settings.outboxDirectory(),
                PhoneNumberDisclosure.NEVER);
        DialerNode node;
        try {
            node = DialerNode.start(config, results.sink(), scripts, meters);
        } catch (RuntimeException e) {
            results.close();
            throw e;
        }
        DialRequestConsumer requests = DialRequestConsumer.start(settings.connection(), settings.consumerGroup(),
                intake.apply(new DialerIntake(node, readiness, results.sink(), InstantSource.system(),
                        config.agi().url().getHost())), canCall(node));
        return new DialerService(results, node, requests, settings.shutdownGrace());
    }

    public DialerNode node() {
        return node;
    }

    /** Results on this node's disk not yet acknowledged by Kafka. */
    public int pendingResults() {
        return results.pendingCount();
    }

    /** False once the consumer of dial requests has stopped or failed. */
    public boolean consuming() {
        return requests.isRunning();
    }

    /** True while the node is a member of the dialers' group, taking requests. */
    public boolean taking() {
        return requests.isTaking();
    }

    /**
     * Stops gracefully: stops taking requests (those not yet committed go to other nodes), lets the
     * calls it holds finish for up to the shutdown grace, reports what is left (released and not dialed:
     * FAILED, which the campaign retries), then gives the outbox a little time to reach Kafka; what
     * Kafka has not acknowledged stays on disk for the next start.
     */
    @Override
    public void close() {
        requests.close();
        if (!awaitQuietly(() -> node.liveCalls() == 0, shutdownGrace)) {
            log.warn("{} calls still in progress after the shutdown grace of {} s; ending them", node.liveCalls(),
                    shutdownGrace.toSeconds());
        }
        node.close();
        if (!awaitQuietly(() -> results.pendingCount() == 0, OUTBOX_FLUSH)) {
            log.warn("{} results not yet acknowledged by Kafka stay in the outbox for the next start",
                    results.pendingCount());
        }
        results.close();
    }

    /**
     * Whether the node can place calls: an Asterisk server is up, or was a few seconds ago (a session
     * that reconnects at once should not move partitions around). Nothing before the first login.
     */
    private static BooleanSupplier canCall(DialerNode node) {
        AtomicLong lastUp = new AtomicLong();
        return () -> {
            if (node.anyServerUp()) {
                lastUp.set(System.nanoTime());
                return true;
            }
            long last = lastUp.get();
            return last != 0 && System.nanoTime() - last < OUTAGE_BEFORE_LEAVING.toNanos();
        };
    }

    private static boolean awaitQuietly(BooleanSupplier condition, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        try {
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() >= end) {
                    return false;
                }
                Thread.sleep(50);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return condition.getAsBoolean();
        }
    }
}
