package org.epicall.campaign.roster;

/**
 * A roster row that is skipped into the rejects report. The import carries on past it.
 */
public class RejectedRowException extends RuntimeException {

    private final int lineNumber;
    private final String reason;

    public RejectedRowException(int lineNumber, String reason) {
        super("line " + lineNumber + ": " + reason);
        this.lineNumber = lineNumber;
        this.reason = reason;
    }

    public int lineNumber() {
        return lineNumber;
    }

    public String reason() {
        return reason;
    }
}
