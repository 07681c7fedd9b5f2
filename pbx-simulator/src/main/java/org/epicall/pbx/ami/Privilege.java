package org.epicall.pbx.ami;

import java.util.Locale;

/** AMI permission classes (manager.conf read/write, event Privilege headers) as bit masks. */
final class Privilege {

    static final int SYSTEM = 1;
    static final int CALL = 1 << 1;
    static final int LOG = 1 << 2;
    static final int VERBOSE = 1 << 3;
    static final int COMMAND = 1 << 4;
    static final int AGENT = 1 << 5;
    static final int USER = 1 << 6;
    static final int CONFIG = 1 << 7;
    static final int DTMF = 1 << 8;
    static final int REPORTING = 1 << 9;
    static final int CDR = 1 << 10;
    static final int DIALPLAN = 1 << 11;
    static final int ORIGINATE = 1 << 12;
    static final int AGI = 1 << 13;
    static final int SECURITY = 1 << 14;
    static final int ALL = (1 << 15) - 1;

    private static final String[] NAMES = {"system", "call", "log", "verbose", "command", "agent", "user", "config",
            "dtmf", "reporting", "cdr", "dialplan", "originate", "agi", "security"};

    private Privilege() {
    }

    /**
     * Parses {@code call,agi} or {@code all}; unknown names are an error naming them.
     *
     * @throws IllegalArgumentException for a class name Asterisk does not know
     */
    static int parse(String list) {
        int mask = 0;
        for (String part : list.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("all")) {
                mask |= ALL;
                continue;
            }
            int bit = indexOf(name);
            if (bit < 0) {
                throw new IllegalArgumentException("unknown AMI permission class '" + part.trim() + "'; known: all, "
                        + String.join(", ", NAMES));
            }
            mask |= 1 << bit;
        }
        return mask;
    }

    /** Like {@link #parse} but ignoring unknown names, as the Events action does. */
    static int parseLenient(String list) {
        int mask = 0;
        for (String part : list.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.equals("all") || name.equals("on")) {
                mask |= ALL;
            } else if (indexOf(name) >= 0) {
                mask |= 1 << indexOf(name);
            }
        }
        return mask;
    }

    private static int indexOf(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
