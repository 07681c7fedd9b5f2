package org.epicall.pbx.ami;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the users of an Asterisk {@code manager.conf}: every section but {@code [general]} is a user with its
 * {@code secret}, {@code read}, {@code write} and {@code eventfilter} lines, so the simulator can run with the
 * very file a deployment mounts (deploy/asterisk/manager.conf). Network settings (permit, deny, bindaddr) and
 * timeouts are not simulated and are skipped. Stateless.
 */
public final class ManagerConf {

    private ManagerConf() {
    }

    /**
     * @throws IllegalArgumentException naming the file, line and what is wrong
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static List<AmiUser> users(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read it (" + e.getMessage() + ")", e);
        }
        List<AmiUser> users = new ArrayList<>();
        UserSection current = null;
        for (int i = 0; i < lines.size(); i++) {
            String where = file + " line " + (i + 1);
            String line = withoutComment(lines.get(i)).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                addUser(users, current, file);
                current = section(line, where);
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(where + ": expected 'name = value', got '" + line + "'");
            }
            if (current == null) {
                throw new IllegalArgumentException(where + ": '" + line + "' comes before any [section]");
            }
            String key = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(equals + 1).replaceFirst("^>", "").strip();
            current.set(key, value);
        }
        addUser(users, current, file);
        return users;
    }

    private static void addUser(List<AmiUser> users, UserSection section, Path file) {
        if (section != null && !section.skipped) {
            users.add(section.user(file));
        }
    }

    private static UserSection section(String line, String where) {
        int close = line.indexOf(']');
        if (close < 0) {
            throw new IllegalArgumentException(where + ": section header '" + line + "' has no ']'");
        }
        String name = line.substring(1, close).strip();
        String options = line.substring(close + 1).strip();
        if (options.equals("(!)")) {
            return new UserSection(name, true);
        }
        if (!options.isEmpty()) {
            throw new IllegalArgumentException(where + ": section options '" + options + "' (templates) are not "
                    + "supported by the simulator; write each user's settings out");
        }
        return new UserSection(name, name.equalsIgnoreCase("general"));
    }

    private static String withoutComment(String line) {
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == ';') {
                kept.append(';');
                i++;
            } else if (c == ';') {
                break;
            } else {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static final class UserSection {
        private final String name;
        private final boolean skipped;
        private String secret;
        private String read = "";
        private String write = "";
        private final List<String> filters = new ArrayList<>();

        UserSection(String name, boolean skipped) {
            this.name = name;
            this.skipped = skipped;
        }

        void set(String key, String value) {
            switch (key) {
                case "secret" -> secret = value;
                case "read" -> read = value;
                case "write" -> write = value;
                case "eventfilter" -> filters.add(value);
                default -> {
                    // permit, deny, writetimeout, displayconnects...: not simulated
                }
            }
        }

        AmiUser user(Path file) {
            if (secret == null) {
                throw new IllegalArgumentException(file + " [" + name + "]: no secret; the simulator only knows "
                        + "password users");
            }
            try {
                return new AmiUser(name, secret, read, write, filters);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " [" + name + "]: " + e.getMessage(), e);
            }
        }
    }
}
