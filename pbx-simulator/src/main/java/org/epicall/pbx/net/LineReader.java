package org.epicall.pbx.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads LF-terminated lines (a CR before the LF is dropped) from a socket through its own buffer, keeping at
 * most {@code maxLine} bytes of each; the caller decides what an over-long line means. A last line without
 * its LF is never returned: a peer that sends half a line and hangs up sent nothing. Not thread-safe.
 */
public final class LineReader {

    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private final byte[] line;
    private int position;
    private int limit;
    private int length;
    private boolean overflowed;

    public LineReader(InputStream in, int maxLine) {
        this.in = in;
        this.line = new byte[maxLine];
    }

    /**
     * Reads the next line.
     *
     * @return false at the end of the stream
     */
    public boolean next() throws IOException {
        length = 0;
        overflowed = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return false;
                }
            }
            byte b = buffer[position++];
            if (b == '\n') {
                if (!overflowed && length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return true;
            }
            if (length < line.length) {
                line[length++] = b;
            } else {
                overflowed = true;
            }
        }
    }

    /** True if the line was longer than the limit and only its start was kept. */
    public boolean overflowed() {
        return overflowed;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** The line as UTF-8 text (malformed bytes replaced). */
    public String text() {
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }

    /** The line from byte {@code from} on, as text. */
    public String text(int from) {
        return new String(line, from, length - from, StandardCharsets.UTF_8);
    }

    /** True if the line starts with these bytes; no text is made. */
    public boolean startsWith(byte[] prefix) {
        return length >= prefix.length && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
    }
}
