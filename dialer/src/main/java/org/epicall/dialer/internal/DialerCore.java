package org.epicall.dialer.internal;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.epicall.dialer.ami.AmiServerConfig;
import org.epicall.dialer.ami.PbxEvents;
import org.epicall.dialer.ami.PbxLink;
import org.epicall.dialer.ledger.DialLedger;
import org.epicall.dialer.ledger.LedgerException;
import org.epicall.dialer.pacing.PacingConfig;
import org.epicall.dialer.pacing.PacingGate;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.CallResultSink;
import org.epicall.survey.call.DialRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialing machinery of one node without the AGI server: submission, ledger, pacing, AMI links,
 * correlation and the watchdog.
 */
public final class DialerCore implements AutoCloseable {

    /** What became of a submission. */
    public enum Verdict { ACCEPTED, DUPLICATE, REJECTED }

    /** A verdict and, when rejected, why. */
    public record Submission(Verdict verdict, String reason) {
    }

    private static final Logger log = LoggerFactory.getLogger(DialerCore.class);
    private static final Pattern ATTEMPT_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,120}");

    private final DialLedger ledger;
    private final PacingGate gate;
    private final CallBook book;
    private final Pacer pacer;
    private final ResultDelivery delivery;
    private final Map<String, PbxLink> links = new LinkedHashMap<>();
    private final InstantSource clock;
    private final int maxQueued;
    private final DialerMetrics metrics;
    private final Thread pacerThread;
    private final ScheduledExecutorService watchdog;

    /**
     * @param linkFactory makes the AMI link of a server, reporting to the given events
     */
    public DialerCore(Iterable<AmiServerConfig> servers, PacingConfig pacing, Duration ringTimeout,
            Duration responseGrace, Duration surveyStartGrace, int maxQueued, DialLedger ledger, CallResultSink sink,
            DialerMetrics metrics, InstantSource clock,
            BiFunction<AmiServerConfig, PbxEvents, PbxLink> linkFactory) {
        this.ledger = ledger;
        this.clock = clock;
        this.maxQueued = maxQueued;
        this.metrics = metrics;
        this.gate = new PacingGate(pacing, System::nanoTime);
        this.delivery = new ResultDelivery(sink, ledger);
        Pacer[] pacerRef = new Pacer[1];
        this.book = new CallBook(gate, delivery, metrics, clock, ringTimeout, responseGrace, surveyStartGrace,
                () -> {
                    if (pacerRef[0] != null) {
                        pacerRef[0].capacityChanged();
                    }
                });
        Map<String, AmiServerConfig> byName = new LinkedHashMap<>();
        for (AmiServerConfig server : servers) {
            byName.put(server.name(), server);
            links.put(server.name(), linkFactory.apply(server, book));
        }
        this.pacer = new Pacer(gate, links, byName, ledger, book, metrics, clock, ringTimeout);
        pacerRef[0] = pacer;
        metrics.gauge("epicall.dialer.calls.live", book::size);
        metrics.gauge("epicall.dialer.queue.size", pacer::queued);
        metrics.gauge("epicall.dialer.ledger.entries", ledger::size);
        metrics.functionCounter("epicall.dialer.ledger.compactions", ledger, DialLedger::compactions);
        metrics.gauge("epicall.dialer.links.up", () -> links.values().stream().filter(PbxLink::isUp).count());
        recoverInterrupted();
        this.pacerThread = Thread.ofPlatform().name("dialer-pacer").daemon().start(pacer);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("dialer-watchdog").daemon().factory());
        watchdog.scheduleWithFixedDelay(this::sweep, 200, 200, TimeUnit.MILLISECONDS);
        links.values().forEach(PbxLink::start);
    }

    /** The AGI side's view of the live calls. */
    public CallBook book() {
        return book;
    }

    public PacingGate gate() {
        return gate;
    }

    public Submission submit(DialRequest request) {
        return submitAll(List.of(request)).getFirst();
    }

    /** Submits several requests with one ledger write; results in the order of the requests. */
    public List<Submission> submitAll(List<DialRequest> requests) {
        List<Submission> results = new ArrayList<>(requests.size());
        List<DialRequest> candidates = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int room = maxQueued - pacer.queued();
        for (DialRequest request : requests) {
            Submission early = precheck(request);
            if (early == null && candidates.size() >= room) {
                early = new Submission(Verdict.REJECTED, "dialer queue full (" + maxQueued + " waiting); submit later");
            }
            results.add(early);
            if (early == null) {
                positions.add(results.size() - 1);
                candidates.add(request);
            }
        }
        if (!candidates.isEmpty()) {
            List<Boolean> fresh;
            try {
                fresh = ledger.acceptAll(candidates);
            } catch (LedgerException | IllegalArgumentException e) {
                fresh = null;
                for (int position : positions) {
                    results.set(position, new Submission(Verdict.REJECTED, e.getMessage()));
                }
            }
            for (int i = 0; fresh != null && i < candidates.size(); i++) {
                if (fresh.get(i)) {
                    pacer.enqueue(book.add(candidates.get(i)));
                    results.set(positions.get(i), new Submission(Verdict.ACCEPTED, ""));
                } else {
                    results.set(positions.get(i), new Submission(Verdict.DUPLICATE, ""));
                }
            }
        }
        results.forEach(s -> metrics.submitted(s.verdict().name().toLowerCase()));
        return results;
    }

    /** A rejection or duplicate found without touching the ledger's disk, or null to go on. */
    private Submission precheck(DialRequest request) {
        if (!ATTEMPT_ID.matcher(request.attemptId()).matches()) {
            return new Submission(Verdict.REJECTED, "attempt id '" + request.attemptId()
                    + "' must be 1-120 characters of letters, digits and . _ : @ -");
        }
        // before the deadline check: a request taken before (perhaps long forgotten) is a duplicate,
        // which its consumer may drop, not a rejection it may offer again
        if (ledger.seen(request)) {
            return new Submission(Verdict.DUPLICATE, "");
        }
        if (!request.phoneNumber().matches("\\+?[0-9]{3,20}")) {
            return new Submission(Verdict.REJECTED, "attempt " + request.attemptId()
                    + ": phone number is not E.164 digits");
        }
        if (request.notAfter() != null && !request.notAfter().isAfter(clock.instant())) {
            return new Submission(Verdict.REJECTED, "attempt " + request.attemptId() + ": calling window closed at "
                    + request.notAfter());
        }
        return null;
    }

    public int liveCalls() {
        return book.size();
    }

    public boolean anyLinkUp() {
        return links.values().stream().anyMatch(PbxLink::isUp);
    }

    private void sweep() {
        try {
            book.sweep();
        } catch (RuntimeException e) {
            log.error("Watchdog sweep failed; continuing", e);
        }
    }

    private void recoverInterrupted() {
        for (DialLedger.Interrupted i : ledger.interrupted()) {
            CallOutcome outcome = i.dialed() ? CallOutcome.UNREACHABLE_SERVER : CallOutcome.FAILED;
            String detail = i.dialed()
                    ? "the dialer restarted while this call was in progress on " + i.server() + "; not redialed"
                    : "not dialed: the dialer restarted while the attempt was queued";
            log.warn("Recovered attempt {} from the dial ledger: {}", i.attemptId(), detail);
            delivery.deliverNow(null, new AttemptResult(i.attemptId(), i.campaignId(), i.contactRef(), outcome, null,
                    i.server(), null, null, clock.instant(), detail));
            metrics.outcome(outcome);
        }
    }

    @Override
    public void close() {
        pacer.stop();
        try {
            pacerThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.shutdownNow();
        links.values().forEach(PbxLink::close);
        delivery.close();
        ledger.close();
    }
}
