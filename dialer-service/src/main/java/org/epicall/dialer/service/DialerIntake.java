package org.epicall.dialer.service;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.epicall.dialer.Dialer;
import org.epicall.dialer.SubmitResult;
import org.epicall.messaging.BatchHandler;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.CallResultSink;
import org.epicall.survey.call.DialRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a poll of dial requests to a dialer in the order that keeps a resident from being rung by two
 * nodes: record in the node's ledger, then (the consumer) commit the offsets, then dial. Only a refusal
 * that passes is offered again; a request that can never be dialed is dropped with a warning, or it
 * would hold up its partition for good. A request whose call this node could not survey
 * ({@link CallReadiness}) is not taken at all: once its offset is committed it is reported REFUSED with the
 * reason, so the campaign sees why and calls the resident again later.
 */
final class DialerIntake implements BatchHandler<DialRequest> {

    private static final Logger log = LoggerFactory.getLogger(DialerIntake.class);

    private final Dialer dialer;
    private final CallReadiness readiness;
    private final CallResultSink reports;
    private final InstantSource clock;
    private final String node;
    /** Refused in {@link #prepare}, reported once committed. */
    private final Map<String, String> refused = new ConcurrentHashMap<>();

    DialerIntake(Dialer dialer, CallReadiness readiness, CallResultSink reports, InstantSource clock, String node) {
        this.dialer = dialer;
        this.readiness = readiness;
        this.reports = reports;
        this.clock = clock;
        this.node = node;
    }

    @Override
    public List<Verdict> prepare(List<DialRequest> requests) {
        Verdict[] verdicts = new Verdict[requests.size()];
        List<DialRequest> candidates = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            DialRequest request = requests.get(i);
            switch (readiness.check(request)) {
                case CallReadiness.Ready ready -> {
                    candidates.add(request);
                    positions.add(i);
                }
                case CallReadiness.Refuse refuse -> {
                    refused.put(request.attemptId(), refuse.reason());
                    verdicts[i] = Verdict.DONE;
                }
                case CallReadiness.Later later -> {
                    log.debug("attempt {} not taken now: {}", request.attemptId(), later.reason());
                    verdicts[i] = Verdict.AGAIN;
                }
            }
        }
        List<SubmitResult> results = candidates.isEmpty() ? List.of() : dialer.accept(candidates);
        for (int c = 0; c < candidates.size(); c++) {
            DialRequest request = candidates.get(c);
            SubmitResult result = results.get(c);
            switch (result.status()) {
                case ACCEPTED -> { }
                case DUPLICATE -> log.info("attempt {} was seen before; not dialing it again", request.attemptId());
                case RETRY_LATER -> log.debug("attempt {} not taken now: {}", request.attemptId(), result.detail());
                case REFUSED -> log.warn("Dropping attempt {} of campaign {}, never to be dialed: {} ({}). The campaign "
                        + "hears nothing back and retries the contact under a new attempt id once the attempt is "
                        + "overdue.", request.attemptId(), request.campaignId(), result.reason(), result.detail());
            }
            verdicts[positions.get(c)] = result.status() == SubmitResult.Status.RETRY_LATER ? Verdict.AGAIN : Verdict.DONE;
        }
        return List.of(verdicts);
    }

    @Override
    public void committed(List<DialRequest> requests) {
        List<String> taken = new ArrayList<>();
        for (DialRequest request : requests) {
            String reason = refused.remove(request.attemptId());
            if (reason == null) {
                taken.add(request.attemptId());
            } else {
                report(request, reason);
            }
        }
        dialer.release(taken);
    }

    @Override
    public void notCommitted(List<DialRequest> requests) {
        List<String> ids = ids(requests);
        ids.forEach(refused::remove);
        dialer.withdraw(ids);
        log.warn("{} dial requests were recorded but not committed (the partition may have moved to another node); "
                + "this node will not dial them: {}", ids.size(), ids);
    }

    private void report(DialRequest request, String reason) {
        String detail = "refused by the dialer on " + node + ": " + reason;
        log.warn("Refusing attempt {} of campaign {}: {}", request.attemptId(), request.campaignId(), reason);
        try {
            reports.attemptFinished(new AttemptResult(request.attemptId(), request.campaignId(), request.contactRef(),
                    CallOutcome.REFUSED, null, null, null, null, clock.instant(), detail));
        } catch (RuntimeException e) {
            log.error("Could not report the refusal of attempt {} ({}); the campaign retries it once it is overdue",
                    request.attemptId(), e.toString());
        }
    }

    private static List<String> ids(List<DialRequest> requests) {
        return requests.stream().map(DialRequest::attemptId).toList();
    }
}
