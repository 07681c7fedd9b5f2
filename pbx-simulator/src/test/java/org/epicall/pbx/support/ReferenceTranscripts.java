package org.epicall.pbx.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the real Asterisk 22.10.1 transcripts in {@code shared/reference/asterisk-22.10.1/} (see its INDEX.txt):
 * AMI rows {@code <seconds> <<|>> <line>} and FastAGI rows {@code <seconds> <<|>> repr(bytes)}.
 */
public final class ReferenceTranscripts {

    private ReferenceTranscripts() {
    }

    /** The reference directory, found by walking up from the working directory to a {@code shared/} beside it. */
    public static Optional<Path> directory() {
        String configured = System.getProperty("epicall.shared.dir");
        if (configured != null) {
            return Optional.of(Path.of(configured, "reference", "asterisk-22.10.1")).filter(Files::isDirectory);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("reference").resolve("asterisk-22.10.1");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
            Path sibling = dir.resolveSibling("shared").resolve("reference").resolve("asterisk-22.10.1");
            if (Files.isDirectory(sibling)) {
                return Optional.of(sibling);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    public static Path file(String name) {
        return directory().orElseThrow(() -> new IllegalStateException("shared/reference not found")).resolve(name);
    }

    /** One AMI message as it crossed the wire: who sent it, and its headers in order. */
    public record AmiMessage(boolean fromClient, List<String[]> headers) {

        public String get(String name) {
            for (String[] header : headers) {
                if (header[0].equalsIgnoreCase(name)) {
                    return header[1];
                }
            }
            return null;
        }

        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (String[] header : headers) {
                lines.add(header[0] + ": " + header[1]);
            }
            return lines;
        }

        public Map<String, String> asMap() {
            Map<String, String> map = new LinkedHashMap<>();
            for (String[] header : headers) {
                map.putIfAbsent(header[0], header[1]);
            }
            return map;
        }
    }

    /** The messages of an ami-*.txt transcript, banner excluded, in wire order. */
    public static List<AmiMessage> ami(String name) {
        List<AmiMessage> messages = new ArrayList<>();
        List<String[]> fromServer = new ArrayList<>();
        List<String[]> fromClient = new ArrayList<>();
        for (String row : lines(name)) {
            if (row.startsWith("#") || row.isBlank()) {
                continue;
            }
            String trimmed = row.stripLeading();
            int space = trimmed.indexOf(' ');
            String rest = trimmed.substring(space + 1);
            boolean client = rest.startsWith(">>");
            String line = rest.length() > 3 ? rest.substring(3) : "";
            if (line.startsWith("Asterisk Call Manager/")) {
                continue;
            }
            List<String[]> current = client ? fromClient : fromServer;
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    messages.add(new AmiMessage(client, List.copyOf(current)));
                    current.clear();
                }
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon < 0) {
                colon = line.indexOf(':');
                current.add(new String[] {line.substring(0, colon), line.substring(colon + 1).trim()});
            } else {
                current.add(new String[] {line.substring(0, colon), line.substring(colon + 2)});
            }
        }
        return messages;
    }

    /** One FastAGI line: who sent it, and the line without its LF. */
    public record AgiLine(boolean fromServer, String text) {
    }

    /** The lines of an agi-*.txt transcript, in wire order ("from server" = sent by the FastAGI server). */
    public static List<AgiLine> agi(String name) {
        List<AgiLine> lines = new ArrayList<>();
        for (String row : lines(name)) {
            if (row.startsWith("#") || row.isBlank()) {
                continue;
            }
            String trimmed = row.stripLeading();
            String rest = trimmed.substring(trimmed.indexOf(' ') + 1);
            if (!rest.startsWith(">> ") && !rest.startsWith("<< ")) {
                continue;
            }
            String text = unrepr(rest.substring(3));
            if (text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            lines.add(new AgiLine(rest.startsWith(">>"), text));
        }
        return lines;
    }

    /** Decodes a Python bytes repr such as {@code b'200 result=0\n'}. */
    static String unrepr(String repr) {
        char quote = repr.charAt(1);
        String body = repr.substring(2, repr.lastIndexOf(quote));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'x' -> {
                    out.write(Integer.parseInt(body.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> out.write(next);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> lines(String name) {
        try {
            return Files.readAllLines(file(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
