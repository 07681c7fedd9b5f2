package org.epicall.pbx.ami;

import org.epicall.pbx.net.LineReader;

import java.io.IOException;
import java.io.InputStream;
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

    private final LineReader lines;

    AmiMessageReader(InputStream in) {
        this.lines = new LineReader(in, MAX_LINE);
    }

    /** The next message (possibly with no headers), or null when the peer closed the connection. */
    AmiMessage next() throws IOException {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        while (true) {
            if (!lines.next()) {
                return null;
            }
            if (lines.overflowed()) {
                continue;
            }
            String text = lines.text();
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
}
