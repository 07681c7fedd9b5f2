package org.epicall.pbx.agi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One AGI command line split into arguments the way Asterisk's {@code parse_args} does: whitespace separates,
 * double quotes group (and {@code ""} is an empty argument), a backslash takes the next character literally.
 */
record AgiCommandLine(String raw, List<String> args) {

    static AgiCommandLine parse(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean started = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
                started = true;
            } else if (c == '"') {
                quoted = !quoted;
                started = true;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (started) {
                    args.add(current.toString());
                    current.setLength(0);
                    started = false;
                }
            } else {
                current.append(c);
                started = true;
            }
        }
        if (started) {
            args.add(current.toString());
        }
        return new AgiCommandLine(line, List.copyOf(args));
    }

    int argc() {
        return args.size();
    }

    String arg(int index) {
        return args.get(index);
    }

    /** The argument upper-cased, or empty if absent. */
    String word(int index) {
        return index < args.size() ? args.get(index).toUpperCase(Locale.ROOT) : "";
    }
}
