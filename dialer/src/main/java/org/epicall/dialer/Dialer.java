package org.epicall.dialer;

import java.util.Collection;
import java.util.List;

import org.epicall.survey.call.DialRequest;

/**
 * A dialer node: takes dial requests, places them through its Asterisk servers at a paced rate,
 * runs the survey on answered calls, and reports each attempt exactly once to its
 * {@link org.epicall.survey.call.CallResultSink}. Thread-safe.
 */
public interface Dialer extends AutoCloseable {

    /**
     * Takes on one attempt and dials it soon: {@link #accept} and {@link #release} in one step, for a
     * caller with nothing to make durable between the two. Returns once the decision is durable: an
     * ACCEPTED attempt is dialed at most once, even if this node restarts, and yields exactly one
     * AttemptResult (and, if answered, one SurveyResponse before it). A request whose attempt id was
     * seen before is a DUPLICATE and is never dialed again.
     */
    SubmitResult submit(DialRequest request);

    /**
     * {@link #submit} for several requests, with one durable write for all of them.
     *
     * @return one result per request, in order
     */
    List<SubmitResult> submitAll(List<DialRequest> requests);

    /**
     * Phase one of a two-phase submit: records the requests durably, with one write for all of them,
     * and holds the ACCEPTED ones undialed until {@link #release} or {@link #withdraw}. The caller
     * acknowledges the requests to their source in between (a Kafka consumer commits its offsets), so
     * that only the node that acknowledged a request dials it.
     *
     * <p>Once one request is RETRY_LATER, every later one in the list is RETRY_LATER too: a caller
     * acknowledging up to the first RETRY_LATER leaves no accepted request unacknowledged.
     *
     * <p>A held attempt is in the ledger, so it is never dialed again by this node. If the node dies
     * before releasing it, the next start neither dials nor reports it: the node cannot tell whether
     * its acknowledgement went through, and if it did not, another node may be ringing the resident.
     * The issuer must notice the attempt never reported back (the campaign's sweeper does).
     *
     * @return one result per request, in order
     */
    List<SubmitResult> accept(List<DialRequest> requests);

    /** Phase two: dials held attempts (ids not held are ignored). An attempt released yields exactly one AttemptResult. */
    void release(Collection<String> attemptIds);

    /**
     * Phase two when the acknowledgement failed: gives held attempts up, neither dialed nor reported,
     * because another node may now be dialing them. They stay known to this node, which answers
     * DUPLICATE if they come back (ids not held are ignored).
     */
    void withdraw(Collection<String> attemptIds);

    /** Attempts accepted and not yet reported. */
    int liveCalls();

    /**
     * Stops dialing, closes the AMI sessions and the AGI server. Released attempts not yet dialed are
     * reported as FAILED (not dialed); held ones are withdrawn. Calls in progress are reported by the
     * next start from the dial ledger (UNREACHABLE_SERVER, not redialed).
     */
    @Override
    void close();
}
