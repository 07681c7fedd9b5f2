package org.epicall.campaign.roster;

/** A roster record that cannot be read as CSV; the import rejects it and reads on. */
public class UnreadableRecordException extends RuntimeException {

    private final int lineNumber;
    private final String reason;

    UnreadableRecordException(int lineNumber, String reason) {
        super("line " + lineNumber + ": " + reason);
        this.lineNumber = lineNumber;
        this.reason = reason;
    }

    /** The line the record starts on. */
    public int lineNumber() {
        return lineNumber;
    }

    /** Why, without the line number. */
    public String reason() {
        return reason;
    }
}
