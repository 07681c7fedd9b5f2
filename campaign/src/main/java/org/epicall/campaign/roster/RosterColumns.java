package org.epicall.campaign.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The roster's header: which column holds what. Column names are case-insensitive and a few common
 * spellings are accepted. Only {@code phone} is required.
 */
public final class RosterColumns {

    public static final String PHONE = "phone";
    public static final String NAME = "name";
    public static final String TIME_ZONE = "timezone";
    public static final String LANGUAGE = "language";

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("phone", PHONE), Map.entry("phone_number", PHONE), Map.entry("phonenumber", PHONE),
            Map.entry("number", PHONE), Map.entry("msisdn", PHONE), Map.entry("tel", PHONE),
            Map.entry("name", NAME), Map.entry("full_name", NAME),
            Map.entry("timezone", TIME_ZONE), Map.entry("time_zone", TIME_ZONE), Map.entry("tz", TIME_ZONE),
            Map.entry("zone", TIME_ZONE),
            Map.entry("language", LANGUAGE), Map.entry("lang", LANGUAGE), Map.entry("locale", LANGUAGE));

    private final String[] names;

    private RosterColumns(String[] names) {
        this.names = names;
    }

    /**
     * Reads the header line.
     *
     * @throws RosterFormatException naming line 1 when the header is empty, repeats a column or has no phone column
     */
    public static RosterColumns parse(String headerLine) {
        String header = headerLine == null ? "" : stripBom(headerLine);
        return of(header.isBlank() ? List.of("") : RosterCsv.cells(header));
    }

    /**
     * Reads the header's cells.
     *
     * @throws RosterFormatException naming line 1 when the header is empty, repeats a column or has no phone column
     */
    static RosterColumns of(List<String> cells) {
        if (cells.stream().allMatch(String::isBlank)) {
            throw new RosterFormatException(1, null, "line 1: the header is empty; the first line must name the"
                    + " columns, e.g. phone,name,timezone,language");
        }
        String header = String.join(",", cells);
        String[] raw = cells.toArray(String[]::new);
        String[] canonical = new String[raw.length];
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            String name = raw[i].strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            String known = ALIASES.get(name);
            // Unknown columns are kept under their own (unique) name so the row still tokenizes.
            canonical[i] = known != null ? known : "x_" + i + "_" + name;
            if (known != null && seen.contains(known)) {
                throw new RosterFormatException(1, raw[i], "line 1: column '" + raw[i].strip()
                        + "' repeats the " + known + " column");
            }
            seen.add(canonical[i]);
        }
        if (!seen.contains(PHONE)) {
            throw new RosterFormatException(1, PHONE, "line 1: no phone column in header '" + header
                    + "'; name one of: phone, phone_number, number, msisdn, tel");
        }
        return new RosterColumns(canonical);
    }

    /** Canonical names in file order, for the tokenizer. */
    String[] names() {
        return names.clone();
    }

    static String stripBom(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }
}
