package org.epicall.campaign.roster;

/**
 * A roster file that cannot be imported at all (as opposed to single bad rows, which are rejected).
 */
public class RosterFormatException extends RuntimeException {

    private final int lineNumber;
    private final String field;

    public RosterFormatException(int lineNumber, String field, String message) {
        super(message);
        this.lineNumber = lineNumber;
        this.field = field;
    }

    public int lineNumber() {
        return lineNumber;
    }

    /** The column concerned, or {@code null}. */
    public String field() {
        return field;
    }
}
