package org.epicall.dialer.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asterisk's config file syntax as far as the tests need it: {@code [section]} or
 * {@code [section](template)} headers, {@code key = value} and {@code key => value} lines,
 * {@code ;} comments. Sections may repeat (PJSIP names an endpoint and its aor alike).
 */
record AsteriskConfigFile(Path path, List<Section> sections) {

    record Section(String name, String templates, List<Map.Entry<String, String>> lines) {

        Optional<String> value(String key) {
            return lines.stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).findFirst();
        }

        List<String> values(String key) {
            return lines.stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).toList();
        }
    }

    static AsteriskConfigFile parse(Path path) throws IOException {
        List<Section> sections = new ArrayList<>();
        Section current = null;
        int lineNo = 0;
        for (String raw : Files.readAllLines(path)) {
            lineNo++;
            String line = stripComment(raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException(path + " line " + lineNo + ": unclosed section header");
                }
                current = new Section(line.substring(1, close), line.substring(close + 1).strip(), new ArrayList<>());
                sections.add(current);
                continue;
            }
            if (current == null) {
                throw new IllegalArgumentException(path + " line " + lineNo + ": setting outside a section");
            }
            String separator = line.contains("=>") ? "=>" : "=";
            int at = line.indexOf(separator);
            if (at < 0) {
                throw new IllegalArgumentException(path + " line " + lineNo + ": expected key = value: " + raw);
            }
            String key = line.substring(0, at).strip();
            String value = line.substring(at + separator.length()).strip();
            current.lines().add(Map.entry(key, value));
        }
        return new AsteriskConfigFile(path, sections);
    }

    List<Section> named(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).toList();
    }

    Section only(String name) {
        List<Section> found = named(name);
        if (found.size() != 1) {
            throw new AssertionError(path + ": expected one section [" + name + "], found " + found.size());
        }
        return found.getFirst();
    }

    private static String stripComment(String line) {
        int semicolon = line.indexOf(';');
        return semicolon < 0 ? line : line.substring(0, semicolon);
    }

    static Map<String, String> byType(List<Section> sections) {
        Map<String, String> types = new LinkedHashMap<>();
        sections.forEach(s -> s.value("type").ifPresent(t -> types.put(t, s.name())));
        return types;
    }
}
