package org.epicall.dialer.ledger;

/** The dial ledger could not read or durably write its journal. */
public final class LedgerException extends RuntimeException {

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
