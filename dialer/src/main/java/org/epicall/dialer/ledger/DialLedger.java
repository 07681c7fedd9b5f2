package org.epicall.dialer.ledger;

import java.util.Collection;
import java.util.List;

import org.epicall.survey.call.DialRequest;

/**
 * The dialer's durable memory of every attempt it has taken on, so that no resident is rung twice
 * for one attempt, not even across a restart.
 *
 * <p>An attempt moves ACCEPTED → DIALING → ENDED. {@link #accept} and {@link #markDialing} return
 * only once the record is on stable storage, so a DIALING mark always precedes the originate it
 * covers. {@link #markEnded} is written after the result went to the sink: a crash between the two
 * makes recovery report the attempt again (at least once), never lose it. Open attempts are never
 * forgotten. Thread-safe.
 */
public interface DialLedger extends AutoCloseable {

    /**
     * Records a new attempt durably.
     *
     * @return false, writing nothing, if the attempt id was seen before (in any state), or if its
     *         deadline lies at or before what the ledger has forgotten (it may have been seen)
     * @throws LedgerException if the record could not be made durable; the attempt is then unknown
     */
    boolean accept(DialRequest request);

    /**
     * Records several new attempts with one write to stable storage.
     *
     * @return for each request in order, whether it was new (false: seen before or possibly forgotten,
     *         as for {@link #accept}; nothing written)
     * @throws LedgerException if the records could not be made durable; none of them is then known
     */
    List<Boolean> acceptAll(List<DialRequest> requests);

    /** Durably marks accepted attempts as about to be dialed on {@code server}. */
    void markDialing(Collection<String> attemptIds, String server);

    /** Marks an attempt ended; its result has been reported. Does not wait for the disk. */
    void markEnded(String attemptId);

    /**
     * True if the attempt id was accepted and is still remembered. An implementation may forget a
     * finished attempt once a redelivery of it could no longer be dialed; {@link #accept} stays the
     * authority on whether a request is new.
     */
    boolean knows(String attemptId);

    /**
     * True if {@link #accept} would answer "seen" without writing: the attempt is remembered, or its
     * deadline lies at or before what the ledger has forgotten. Lets a caller answer DUPLICATE before
     * its own checks, such as the deadline, would answer something else for a request it took before.
     */
    boolean seen(DialRequest request);

    /** Attempts remembered now, open and finished. */
    long size();

    /** Compactions done since the ledger was opened. */
    long compactions();

    /**
     * Attempts found unfinished when the ledger was opened: a previous run accepted them and did not
     * record their end. They must be reported and marked ended, never dialed again.
     */
    List<Interrupted> interrupted();

    @Override
    void close();

    /**
     * An attempt a previous run left unfinished.
     *
     * @param server the server it was being dialed on, or {@code null} if it was never dialed
     */
    record Interrupted(String attemptId, String campaignId, String contactRef, String server) {
        public boolean dialed() {
            return server != null;
        }
    }
}
