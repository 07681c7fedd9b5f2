package org.epicall.campaign.roster;

import java.util.Map;

/**
 * One record of the roster CSV, before validation.
 *
 * @param lineNumber line of the file on which the record starts (the header is line 1)
 * @param fields     cell values by canonical column name (see {@link RosterColumns})
 */
public record RosterLine(int lineNumber, Map<String, String> fields) {

    public RosterLine {
        fields = Map.copyOf(fields);
    }

    /** The cell, stripped, or an empty string when the column is absent or blank. */
    public String field(String column) {
        String value = fields.get(column);
        return value == null ? "" : value.strip();
    }
}
