package org.epicall.dialer.service;

import java.util.ArrayList;
import java.util.List;

import org.epicall.dialer.Dialer;
import org.epicall.dialer.SubmitResult;
import org.epicall.messaging.BatchHandler;
import org.epicall.survey.call.DialRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a poll of dial requests to a dialer in the order that keeps a resident from being rung by two
 * nodes: record in the node's ledger, then (the consumer) commit the offsets, then dial. Only a refusal
 * that passes is offered again; a request that can never be dialed is dropped with a warning, or it
 * would hold up its partition for good.
 */
final class DialerIntake implements BatchHandler<DialRequest> {

    private static final Logger log = LoggerFactory.getLogger(DialerIntake.class);

    private final Dialer dialer;

    DialerIntake(Dialer dialer) {
        this.dialer = dialer;
    }

    @Override
    public List<Verdict> prepare(List<DialRequest> requests) {
        List<SubmitResult> results = dialer.accept(requests);
        List<Verdict> verdicts = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            DialRequest request = requests.get(i);
            SubmitResult result = results.get(i);
            switch (result.status()) {
                case ACCEPTED -> { }
                case DUPLICATE -> log.info("attempt {} was seen before; not dialing it again", request.attemptId());
                case RETRY_LATER -> log.debug("attempt {} not taken now: {}", request.attemptId(), result.detail());
                case REFUSED -> log.warn("Dropping attempt {} of campaign {}, never to be dialed: {} ({}). The campaign "
                        + "hears nothing back and retries the contact under a new attempt id once the attempt is "
                        + "overdue.", request.attemptId(), request.campaignId(), result.reason(), result.detail());
            }
            verdicts.add(result.status() == SubmitResult.Status.RETRY_LATER ? Verdict.AGAIN : Verdict.DONE);
        }
        return verdicts;
    }

    @Override
    public void committed(List<DialRequest> requests) {
        dialer.release(ids(requests));
    }

    @Override
    public void notCommitted(List<DialRequest> requests) {
        List<String> ids = ids(requests);
        dialer.withdraw(ids);
        log.warn("{} dial requests were recorded but not committed (the partition may have moved to another node); "
                + "this node will not dial them: {}", ids.size(), ids);
    }

    private static List<String> ids(List<DialRequest> requests) {
        return requests.stream().map(DialRequest::attemptId).toList();
    }
}
