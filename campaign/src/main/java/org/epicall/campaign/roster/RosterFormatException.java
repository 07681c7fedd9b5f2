package org.epicall.campaign.roster;

/**
 * A roster file that cannot be imported at all (as opposed to single bad rows, which are rejected).
 */
public class RosterFormatException extends RuntimeException {

    private final int lineNumber;
    private final String field;
    private String fileName;

    public RosterFormatException(int lineNumber, String field, String message) {
        super(message);
        this.lineNumber = lineNumber;
        this.field = field;
    }

    /** The same problem, told about the file as the official named it. */
    public RosterFormatException in(String fileName) {
        RosterFormatException named = new RosterFormatException(lineNumber, field, fileName + ": " + getMessage());
        named.fileName = fileName;
        return named;
    }

    /** The roster file's name as uploaded, or {@code null} if not known. */
    public String fileName() {
        return fileName;
    }

    public int lineNumber() {
        return lineNumber;
    }

    /** The column concerned, or {@code null}. */
    public String field() {
        return field;
    }
}
