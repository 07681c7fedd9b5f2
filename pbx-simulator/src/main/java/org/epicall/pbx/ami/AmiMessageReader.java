package org.epicall.pbx.ami;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads AMI messages off a socket the way Asterisk's manager does: lines end in CRLF (a bare LF is accepted),
 * a blank line ends a message, an over-long line is dropped, headers past the 128th are dropped, and a line
 * without a colon is kept but matches no header name. Not thread-safe.
 */
final class AmiMessageReader {

    static final int MAX_LINE = 1024;
    static final int MAX_HEADERS = 128;

    private final InputStream in;
    private final byte[] line = new byte[MAX_LINE];
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    AmiMessageReader(InputStream in) {
        this.in = in;
    }

    /** The next message (possibly with no headers), or null when the peer closed the connection. */
    AmiMessage next() throws IOException {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        while (true) {
            String text = readLine();
            if (text == null) {
                return null;
            }
            if (text.isEmpty()) {
                AmiMessage.Builder builder = AmiMessage.builder();
                for (int i = 0; i < names.size(); i++) {
                    builder.add(names.get(i), values.get(i));
                }
                return builder.build();
            }
            if (names.size() >= MAX_HEADERS) {
                continue;
            }
            int colon = text.indexOf(':');
            if (colon < 0) {
                names.add(text);
                values.add("");
            } else {
                names.add(text.substring(0, colon).trim());
                values.add(text.substring(colon + 1).strip());
            }
        }
    }

    private String readLine() throws IOException {
        int length = 0;
        boolean overflow = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return null;
                }
            }
            int b = buffer[position++] & 0xff;
            if (b == '\n') {
                if (overflow) {
                    length = 0;
                    overflow = false;
                    continue;
                }
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return new String(line, 0, length, StandardCharsets.UTF_8);
            }
            if (length < MAX_LINE) {
                line[length++] = (byte) b;
            } else {
                overflow = true;
            }
        }
    }
}
