package org.epicall.campaign.api;

import java.util.regex.Pattern;

/**
 * Hides the values a roster row held inside a text written for officials (a rejects reason, an
 * import failure): quoted cells and anything shaped like a phone number become {@value #HIDDEN}.
 * Line numbers and the explanation stay, so an analyst still learns which line failed and why.
 */
final class RosterValues {

    static final String HIDDEN = "[hidden]";

    // A cell may hold quotes itself, so hide from the first quote to the last: a reason quotes one value.
    private static final Pattern QUOTED = Pattern.compile("'.*'|\".*\"", Pattern.DOTALL);
    // E.164, or seven or more characters of digits and separators; a line number ("line 1234567") is none.
    private static final Pattern PHONE_LIKE =
            Pattern.compile("\\+\\d{4,}|(?<![\\d+])(?<!line )\\d[\\d ()./-]{5,}\\d");

    private RosterValues() {
    }

    static String hide(String text) {
        if (text == null) {
            return null;
        }
        String unquoted = QUOTED.matcher(text).replaceAll(HIDDEN);
        return PHONE_LIKE.matcher(unquoted).replaceAll(HIDDEN);
    }
}
