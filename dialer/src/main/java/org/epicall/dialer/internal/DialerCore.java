package org.epicall.dialer.internal;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.epicall.dialer.SubmitResult;
import org.epicall.dialer.ami.AmiServerConfig;
import org.epicall.dialer.ami.Backoff;
import org.epicall.dialer.ami.LinkStatus;
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

    private static final Logger log = LoggerFactory.getLogger(DialerCore.class);
    private static final Pattern ATTEMPT_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,120}");

    private final DialLedger ledger;
    private final PacingGate gate;
    private final CallBook book;
    private final Faults faults;
    private final Pacer pacer;
    private final ResultDelivery delivery;
    private final Map<String, PbxLink> links = new LinkedHashMap<>();
    private final InstantSource clock;
    private final int maxQueued;
    private final DialerMetrics metrics;
    /** Accepted and durably recorded, not yet handed to the pacer: waiting for the caller's commit. */
    private final Map<String, DialRequest> held = new ConcurrentHashMap<>();
    private final Thread pacerThread;
    private final ScheduledExecutorService watchdog;

    /**
     * @param agiUrl      where Asterisk sends this node's answered calls, set on every Originate
     * @param linkFactory makes the AMI link of a server, reporting to the given events
     */
    public DialerCore(Iterable<AmiServerConfig> servers, PacingConfig pacing, Duration ringTimeout,
            Duration responseGrace, Duration surveyStartGrace, Duration causeGrace, Backoff refusalBackoff,
            int maxQueued, DialLedger ledger, CallResultSink sink, DialerMetrics metrics, InstantSource clock,
            Supplier<String> agiUrl,
            BiFunction<AmiServerConfig, PbxEvents, PbxLink> linkFactory) {
        this.ledger = ledger;
        this.clock = clock;
        this.maxQueued = maxQueued;
        this.metrics = metrics;
        this.gate = new PacingGate(pacing, System::nanoTime);
        this.delivery = new ResultDelivery(sink, ledger);
        Pacer[] pacerRef = new Pacer[1];
        this.faults = new Faults(clock);
        this.book = new CallBook(gate, delivery, metrics, clock,
                new CallBook.Timings(ringTimeout, responseGrace, surveyStartGrace, causeGrace, refusalBackoff), faults,
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
        this.pacer = new Pacer(gate, links, byName, ledger, book, metrics, clock, ringTimeout, agiUrl);
        pacerRef[0] = pacer;
        book.redialWith(pacer::enqueue);
        metrics.gauge("epicall.dialer.calls.live", book::size);
        metrics.gauge("epicall.dialer.queue.size", pacer::queued);
        metrics.gauge("epicall.dialer.held", held::size);
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

    /** Accepts and at once releases: for callers with no commit to do between the two. */
    public List<SubmitResult> submitAll(List<DialRequest> requests) {
        List<SubmitResult> results = acceptAll(requests);
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (results.get(i).status() == SubmitResult.Status.ACCEPTED) {
                accepted.add(requests.get(i).attemptId());
            }
        }
        release(accepted);
        return results;
    }

    /**
     * Records several requests with one ledger write and holds the accepted ones, undialed, until
     * {@link #release} or {@link #withdraw}. Once one request is RETRY_LATER, every later one is too,
     * so a caller that stops at the first RETRY_LATER never leaves an accepted request behind it.
     *
     * @return one result per request, in order
     */
    public List<SubmitResult> acceptAll(List<DialRequest> requests) {
        List<SubmitResult> results = new ArrayList<>(requests.size());
        List<DialRequest> candidates = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int room = maxQueued - pacer.queued() - held.size();
        SubmitResult holdUp = null;
        for (DialRequest request : requests) {
            SubmitResult early = holdUp != null ? holdUp : precheck(request);
            if (early == null && candidates.size() >= room) {
                early = SubmitResult.notTaken(SubmitResult.Reason.QUEUE_FULL, "attempt " + request.attemptId()
                        + ": dialer queue full (" + maxQueued + " waiting); submit later");
                holdUp = early;
            }
            results.add(early);
            if (early == null) {
                positions.add(results.size() - 1);
                candidates.add(request);
            }
        }
        if (!candidates.isEmpty()) {
            recordAccepted(candidates, positions, results);
        }
        for (SubmitResult result : results) {
            metrics.submitted(result.status().name().toLowerCase());
            if (result.reason() != null) {
                metrics.notTaken(result.reason().name());
            }
        }
        return results;
    }

    private void recordAccepted(List<DialRequest> candidates, List<Integer> positions, List<SubmitResult> results) {
        List<Boolean> fresh;
        try {
            fresh = ledger.acceptAll(candidates);
        } catch (LedgerException | IllegalArgumentException e) {
            SubmitResult unavailable = SubmitResult.notTaken(SubmitResult.Reason.LEDGER_UNAVAILABLE,
                    "the dial ledger could not record the requests: " + e.getMessage());
            // everything from the first candidate on waits, so no accepted request follows a retry
            for (int i = positions.getFirst(); i < results.size(); i++) {
                results.set(i, unavailable);
            }
            return;
        }
        for (int i = 0; i < candidates.size(); i++) {
            DialRequest request = candidates.get(i);
            if (fresh.get(i)) {
                held.put(request.attemptId(), request);
                results.set(positions.get(i), SubmitResult.ACCEPTED);
            } else {
                results.set(positions.get(i), SubmitResult.DUPLICATE);
            }
        }
    }

    /**
     * Hands held attempts to the pacer, which dials them. Ids not held (duplicates, refusals, ids
     * already released or withdrawn) are ignored.
     *
     * @return how many were released
     */
    public int release(Collection<String> attemptIds) {
        int released = 0;
        for (String attemptId : attemptIds) {
            DialRequest request = held.remove(attemptId);
            if (request != null) {
                pacer.enqueue(book.add(request));
                released++;
            }
        }
        return released;
    }

    /**
     * Gives held attempts up without dialing or reporting them: another node may be dialing them.
     * They stay in the ledger as ended, so this node answers DUPLICATE if they come back.
     *
     * @return how many were withdrawn
     */
    public int withdraw(Collection<String> attemptIds) {
        int withdrawn = 0;
        for (String attemptId : attemptIds) {
            if (held.remove(attemptId) != null) {
                ledger.markEnded(attemptId);
                withdrawn++;
            }
        }
        return withdrawn;
    }

    /** Accepted attempts neither released nor withdrawn yet. */
    public int held() {
        return held.size();
    }

    /** A rejection or duplicate found without touching the ledger's disk, or null to go on. */
    private SubmitResult precheck(DialRequest request) {
        if (!ATTEMPT_ID.matcher(request.attemptId()).matches()) {
            return SubmitResult.notTaken(SubmitResult.Reason.INVALID_ATTEMPT_ID, "attempt id '" + request.attemptId()
                    + "' must be 1-120 characters of letters, digits and . _ : @ -");
        }
        // before the deadline check: a request taken before (perhaps long forgotten) is a duplicate,
        // which its consumer may drop, not a refusal to log and count
        if (ledger.seen(request)) {
            return SubmitResult.DUPLICATE;
        }
        if (!request.phoneNumber().matches("\\+?[0-9]{3,20}")) {
            return SubmitResult.notTaken(SubmitResult.Reason.INVALID_PHONE_NUMBER, "attempt " + request.attemptId()
                    + ": phone number is not E.164 digits");
        }
        if (request.notAfter() != null && !request.notAfter().isAfter(clock.instant())) {
            return SubmitResult.notTaken(SubmitResult.Reason.DEADLINE_PASSED, "attempt " + request.attemptId()
                    + ": calling window closed at " + request.notAfter());
        }
        return null;
    }

    public int liveCalls() {
        return book.size();
    }

    public boolean anyLinkUp() {
        return links.values().stream().anyMatch(PbxLink::isUp);
    }

    /** Each AMI link's state, in configuration order. */
    public List<LinkStatus> linkStatuses() {
        return links.values().stream().map(PbxLink::status).toList();
    }

    /**
     * What the survey sessions found wrong with the setup, one line each naming what to fix (a prompt not
     * installed on a PBX, a recordings directory a PBX cannot write); empty when nothing is.
     */
    public List<String> setupFaults() {
        return faults.problems();
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
            if (!i.dialed()) {
                abandon(i);
                continue;
            }
            String detail = "the dialer restarted while this call was in progress on " + i.server() + "; not redialed";
            log.warn("Recovered attempt {} from the dial ledger: {}", i.attemptId(), detail);
            delivery.deliverNow(null, new AttemptResult(i.attemptId(), i.campaignId(), i.contactRef(),
                    CallOutcome.UNREACHABLE_SERVER, null, i.server(), null, null, clock.instant(), detail));
            metrics.outcome(CallOutcome.UNREACHABLE_SERVER);
        }
    }

    // Recorded, never dialed, and the node stopped without closing: it may have died before its consumer
    // committed the request, which then went to another node that may be ringing the resident now. A
    // report from here could end the attempt as failed under that node's feet and have the campaign call
    // again, so nothing is reported: the campaign's sweeper retries the contact once the attempt is
    // overdue, by which time no node can still be dialing it.
    private void abandon(DialLedger.Interrupted i) {
        log.warn("Attempt {} of campaign {} was recorded but never dialed before the dialer stopped; it is not "
                + "dialed now and not reported, since another node may have taken it. The campaign retries the "
                + "contact under a new attempt id once the attempt is overdue.", i.attemptId(), i.campaignId());
        ledger.markEnded(i.attemptId());
        metrics.abandoned();
    }

    @Override
    public void close() {
        pacer.stop();
        try {
            pacerThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // released means this node's consumer committed them: no other node will dial them, so say so now
        for (LiveCall call : pacer.drain()) {
            book.finishUndialed(call, CallOutcome.FAILED, "not dialed: the dialer node stopped before its turn; "
                    + "not redialed");
        }
        withdraw(List.copyOf(held.keySet()));
        watchdog.shutdownNow();
        links.values().forEach(PbxLink::close);
        delivery.close();
        ledger.close();
    }
}
