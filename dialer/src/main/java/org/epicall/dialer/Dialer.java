package org.epicall.dialer;

import java.util.List;

import org.epicall.survey.call.DialRequest;

/**
 * A dialer node: takes dial requests, places them through its Asterisk servers at a paced rate,
 * runs the survey on answered calls, and reports each attempt exactly once to its
 * {@link org.epicall.survey.call.CallResultSink}. Thread-safe.
 */
public interface Dialer extends AutoCloseable {

    /**
     * Takes on one attempt. Returns once the decision is durable: an ACCEPTED attempt is dialed at
     * most once, even if this node restarts, and yields exactly one AttemptResult (and, if answered,
     * one SurveyResponse before it). A request whose attempt id was seen before is a DUPLICATE and
     * is never dialed again.
     */
    SubmitResult submit(DialRequest request);

    /**
     * Submits several requests at once, with one durable write for all of them (a Kafka poll's
     * worth, say). Each request gets the verdict {@link #submit} would have given it.
     *
     * @return one result per request, in order
     */
    List<SubmitResult> submitAll(List<DialRequest> requests);

    /** Attempts accepted and not yet reported. */
    int liveCalls();

    /** Stops dialing, closes the AMI sessions and the AGI server. Unreported attempts are reported
     *  by the next start from the dial ledger. */
    @Override
    void close();
}
