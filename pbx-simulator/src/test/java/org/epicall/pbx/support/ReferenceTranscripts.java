package org.epicall.pbx.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the real Asterisk 22.10.1 transcripts (fixtures derived from {@code shared/reference/asterisk-22.10.1/},
 * see {@link ReferenceFixtures}): AMI rows {@code <seconds> <<|>> <line>} and FastAGI rows
 * {@code <seconds> <<|>> repr(bytes)}.
 */
public final class ReferenceTranscripts {

    private ReferenceTranscripts() {
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

    /**
     * The lines of an agi-*.txt transcript's first FastAGI connection, in wire order ("from server" = sent by the
     * FastAGI server).
     */
    public static List<AgiLine> agi(String name) {
        List<AgiLine> lines = new ArrayList<>();
        int connections = 0;
        for (String row : lines(name)) {
            if (row.startsWith("# FastAGI connection") && ++connections > 1) {
                break;
            }
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

    /** Whether the reference FastAGI server of this transcript's first connection read on until its read timed out. */
    public static boolean agiServerLingers(String name) {
        int connections = 0;
        for (String row : lines(name)) {
            if (row.startsWith("# FastAGI connection") && ++connections > 1) {
                return false;
            }
            if (row.contains("'<read timeout>'")) {
                return true;
            }
        }
        return false;
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
        return ReferenceFixtures.lines(name);
    }
}
