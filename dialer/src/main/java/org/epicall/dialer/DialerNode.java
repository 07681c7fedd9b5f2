package org.epicall.dialer;

import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.epicall.dialer.agi.SurveyAgiServer;
import org.epicall.dialer.agi.SurveyScripts;
import org.epicall.dialer.ami.AsteriskJavaPbxLink;
import org.epicall.dialer.ami.LinkStatus;
import org.epicall.dialer.internal.DialerCore;
import org.epicall.dialer.internal.DialerMetrics;
import org.epicall.dialer.ledger.DialLedger;
import org.epicall.dialer.ledger.JournalDialLedger;
import org.epicall.dialer.pacing.PacingGate;
import org.epicall.survey.call.CallResultSink;
import org.epicall.survey.call.DialRequest;

/**
 * One dialer node: its FastAGI survey server, an AMI session per Asterisk server, the pacing gate
 * and the dial ledger.
 *
 * <pre>{@code
 * DialerNode node = DialerNode.start(config, sink, scripts, meterRegistry);
 * SubmitResult r = node.submit(request);   // ACCEPTED, DUPLICATE, RETRY_LATER or REFUSED
 * // or, with an acknowledgement (a Kafka commit) between recording and dialing:
 * List<SubmitResult> rs = node.accept(requests);
 * if (commit()) node.release(acceptedIds); else node.withdraw(acceptedIds);
 * ...
 * node.close();
 * }</pre>
 *
 * On start, calls a previous run left in progress in the ledger are reported to the sink (never
 * redialed) before anything new is dialed; attempts it recorded and never dialed are neither dialed
 * nor reported (see {@link Dialer#accept}).
 */
public final class DialerNode implements Dialer {

    private final DialerCore core;
    private final SurveyAgiServer agi;
    private final DialerMetrics metrics;

    private DialerNode(DialerCore core, SurveyAgiServer agi, DialerMetrics metrics) {
        this.core = core;
        this.agi = agi;
        this.metrics = metrics;
    }

    /**
     * Starts a node: replays the ledger, reports interrupted attempts, binds the FastAGI server and
     * starts connecting to the Asterisk servers. Returns without waiting for AMI logins.
     *
     * @throws IllegalStateException if the FastAGI port cannot be bound
     * @throws org.epicall.dialer.ledger.LedgerException if the ledger cannot be opened
     */
    public static DialerNode start(DialerConfig config, CallResultSink sink, SurveyScripts scripts,
            MeterRegistry meters) {
        InstantSource clock = InstantSource.system();
        DialLedger ledger = JournalDialLedger.open(config.ledger(), clock);
        DialerMetrics metrics = new DialerMetrics(meters);
        // the port is known only once the FastAGI server is bound (0 picks one); nothing is dialed before
        AtomicReference<String> agiUrl = new AtomicReference<>(config.agi().url().toString());
        DialerCore core;
        try {
            core = new DialerCore(config.servers(), config.pacing(), config.ringTimeout(), config.responseGrace(),
                    config.surveyStartGrace(), config.causeGrace(), config.refusalBackoff(), config.maxQueued(), ledger,
                    sink, metrics, clock, agiUrl::get,
                    (server, events) -> new AsteriskJavaPbxLink(server, events, config.reconnect()));
        } catch (RuntimeException e) {
            ledger.close();
            throw e;
        }
        SurveyAgiServer agi = new SurveyAgiServer(config.agi(), core.book(), scripts, clock);
        try {
            agi.start();
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
        agiUrl.set(config.agi().withEndpoint(config.agi().bindAddress(), agi.port()).url().toString());
        return new DialerNode(core, agi, metrics);
    }

    @Override
    public SubmitResult submit(DialRequest request) {
        return core.submitAll(List.of(request)).getFirst();
    }

    @Override
    public List<SubmitResult> submitAll(List<DialRequest> requests) {
        return core.submitAll(requests);
    }

    @Override
    public List<SubmitResult> accept(List<DialRequest> requests) {
        return core.acceptAll(requests);
    }

    @Override
    public void release(Collection<String> attemptIds) {
        core.release(attemptIds);
    }

    @Override
    public void withdraw(Collection<String> attemptIds) {
        core.withdraw(attemptIds);
    }

    /** Attempts accepted and neither released nor withdrawn yet. */
    public int heldAttempts() {
        return core.held();
    }

    @Override
    public int liveCalls() {
        return core.liveCalls();
    }

    /** True while at least one AMI session is logged in. */
    public boolean anyServerUp() {
        return core.anyLinkUp();
    }

    /** Each Asterisk server's AMI session: up, or why not. For health checks. */
    public List<LinkStatus> serverStatuses() {
        return core.linkStatuses();
    }

    /**
     * What the survey sessions found wrong with the setup, one line each naming what to fix: a prompt not
     * installed on a PBX, a recordings directory a PBX cannot write. Empty when nothing is; a service's
     * readiness check reports these lines. A missing prompt clears when a call after the re-check
     * finds it installed, an unwritable directory when a later call writes a recording into it.
     */
    public List<String> setupFaults() {
        return core.setupFaults();
    }

    /** The current load of each server, for dashboards and tests. */
    public List<PacingGate.ServerLoad> serverLoads() {
        return core.gate().loads();
    }

    /** The port its FastAGI server listens on (the one the system chose when the configuration says 0). */
    public int agiPort() {
        return agi.port();
    }

    /** Survey AGI sessions running now. */
    public int activeSurveySessions() {
        return agi.activeSessions();
    }

    /** The originate → OriginateResponse timer (p50/p99 published). */
    public Timer originateResponseTimer() {
        return metrics.originateResponseTimer();
    }

    @Override
    public void close() {
        agi.close();
        core.close();
    }
}
