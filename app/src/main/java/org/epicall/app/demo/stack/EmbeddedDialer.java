package org.epicall.app.demo.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.MeterRegistry;
import org.epicall.campaign.messaging.BatchHandler;
import org.epicall.campaign.messaging.DialRequestConsumer;
import org.epicall.campaign.messaging.PhoneNumberDisclosure;
import org.epicall.campaign.messaging.ResultPublisher;
import org.epicall.dialer.DialerConfig;
import org.epicall.dialer.DialerNode;
import org.epicall.dialer.agi.AgiConfig;
import org.epicall.dialer.agi.SurveyScripts;
import org.epicall.dialer.ami.AmiServerConfig;
import org.epicall.survey.call.DialRequest;

/**
 * A dialer node as it runs in production, only in this JVM: it takes dial requests from
 * {@code epicall.dial-requests} in the dialers' consumer group, calls through the PBX over AMI, runs
 * the survey over FastAGI, and reports attempts and results through its own durable outbox to
 * {@code epicall.call-attempts} and {@code epicall.survey-results}. Each poll of requests is recorded
 * in the node's dial ledger, committed, and only then dialed ({@link DialerIntake}).
 */
public final class EmbeddedDialer implements AutoCloseable {

    private final ResultPublisher results;
    private final DialerNode node;
    private final DialRequestConsumer requests;

    private EmbeddedDialer(ResultPublisher results, DialerNode node, DialRequestConsumer requests) {
        this.results = results;
        this.node = node;
        this.requests = requests;
    }

    /**
     * How the node runs.
     *
     * @param directory      its ledger, outbox and recordings
     * @param agiPort        FastAGI port on localhost
     * @param amiPort        the PBX's AMI port on localhost
     * @param callsPerSecond originate rate
     * @param maxChannels    concurrent calls on the PBX
     */
    public record Settings(Path directory, int agiPort, int amiPort, double callsPerSecond, int maxChannels) {
    }

    public static EmbeddedDialer start(Settings settings, String bootstrapServers, SurveyScripts scripts,
                                       MeterRegistry meters) {
        return start(settings, bootstrapServers, scripts, meters, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * @param tune    adjusts the node's configuration (tests: a small queue)
     * @param intake  wraps what the consumer hands each poll to (tests: a crash between two steps)
     */
    static EmbeddedDialer start(Settings settings, String bootstrapServers, SurveyScripts scripts,
                                MeterRegistry meters, UnaryOperator<DialerConfig> tune,
                                UnaryOperator<BatchHandler<DialRequest>> intake) {
        Path dir = settings.directory().toAbsolutePath();
        ResultPublisher results = ResultPublisher.start(bootstrapServers, dir.resolve("outbox"),
                PhoneNumberDisclosure.NEVER);
        DialerNode node;
        try {
            AmiServerConfig pbx = AmiServerConfig.of("pbx-sim", "127.0.0.1", settings.amiPort(), EmbeddedPbx.AMI_USER,
                    EmbeddedPbx.AMI_SECRET, settings.maxChannels(), EmbeddedPbx.DIAL_TEMPLATE);
            Path recordings = dir.resolve("recordings");
            DialerConfig config = DialerConfig.defaults(List.of(pbx), dir.resolve("dial-ledger.log"), recordings)
                    .withCallsPerSecond(settings.callsPerSecond())
                    .withAgi(AgiConfig.defaults(recordings).withEndpoint("127.0.0.1", settings.agiPort()));
            node = DialerNode.start(tune.apply(config), results.sink(), scripts, meters);
        } catch (RuntimeException e) {
            results.close();
            throw e;
        }
        DialRequestConsumer requests = DialRequestConsumer.start(bootstrapServers,
                intake.apply(new DialerIntake(node)));
        return new EmbeddedDialer(results, node, requests);
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
