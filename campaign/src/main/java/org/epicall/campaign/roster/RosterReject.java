package org.epicall.campaign.roster;

/**
 * One line of the rejects report.
 *
 * @param lineNumber roster line (the header is line 1)
 * @param reason     why the row was not imported, e.g. {@code phone '010-12' is not a valid KR number}
 */
public record RosterReject(int lineNumber, String reason) {

    /**
     * The reason a row repeating an earlier row's number is rejected with. {@link DuplicateResolver} writes
     * the same text in SQL.
     */
    static String duplicateReason(String phoneE164, int firstLine) {
        return "phone " + phoneE164 + " duplicates line " + firstLine;
    }

    @Override
    public String toString() {
        return "line " + lineNumber + ": " + reason;
    }
}
