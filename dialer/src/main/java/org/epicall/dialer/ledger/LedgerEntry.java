package org.epicall.dialer.ledger;

import java.time.Instant;

/**
 * What the ledger knows of one attempt. States only move forward: ACCEPTED → DIALING → ENDED.
 *
 * @param notAfter the request's deadline, or {@code null} if it had none (or was recorded before
 *                 deadlines were journaled)
 * @param endedAt  when the end was recorded, or {@code null} while the attempt is open
 *                 (campaign, contact and server are {@code null} once it ended)
 */
record LedgerEntry(State state, String campaignId, String contactRef, String server, Instant notAfter,
        Instant endedAt) {

    enum State { ACCEPTED, DIALING, ENDED }

    static LedgerEntry accepted(String campaignId, String contactRef, Instant notAfter) {
        return new LedgerEntry(State.ACCEPTED, campaignId, contactRef, null, notAfter, null);
    }

    /** Dialing on {@code newServer}; an ended attempt stays ended. */
    LedgerEntry dialing(String newServer) {
        return ended() ? this : new LedgerEntry(State.DIALING, campaignId, contactRef, newServer, notAfter, null);
    }

    static LedgerEntry finished(Instant notAfter, Instant endedAt) {
        return new LedgerEntry(State.ENDED, null, null, null, notAfter, endedAt);
    }

    /**
     * Ended at {@code at}; an attempt already ended keeps its first end. Campaign, contact and server
     * are dropped: only an open attempt is ever reported from the ledger, and a finished one is most
     * of what the ledger holds.
     */
    LedgerEntry endedAt(Instant at) {
        return ended() ? this : finished(notAfter, at);
    }

    boolean ended() {
        return state == State.ENDED;
    }
}
