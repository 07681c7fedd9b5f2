package org.epicall.campaign.roster;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a roster CSV record by record in one pass (RFC 4180: a quote opens a quoted cell only at the
 * start of a cell, {@code ""} inside one is a quote, a quoted cell may span lines; {@code \r\n},
 * {@code \n} and {@code \r} all end a line). A record may be at most {@code maxRecordChars} long: a
 * longer one is rejected, and if it is long because a quote was never closed, reading goes on at the
 * line after the one where that quote opened, so one stray quote costs one row, not the rest of the
 * roster. Every character is therefore read at most once plus once more per rejected record, at most
 * {@code maxRecordChars} each: the work is linear in the file, whatever quotes it holds. Not thread-safe.
 */
final class RosterCsv implements AutoCloseable {

    /** One record: the line it starts on and its cells, unquoted. */
    record Record(int line, List<String> cells) {

        boolean blank() {
            return cells.size() == 1 && cells.getFirst().isBlank();
        }
    }

    private enum State { CELL_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final Reader in;
    private final int maxRecordChars;
    /** Characters read ahead and given back after a rejected record, read before {@link #in}. */
    private StringBuilder pending = new StringBuilder();
    private int pendingAt;
    private int line = 1;
    private boolean lastWasCr;
    private long charsRead;

    RosterCsv(Reader in, int maxRecordChars) {
        this.in = in;
        this.maxRecordChars = maxRecordChars;
    }

    /** The cells of one line of text, e.g. a header. */
    static List<String> cells(String text) {
        try (RosterCsv csv = new RosterCsv(new java.io.StringReader(text), Math.max(1, text.length() + 1))) {
            Record record = csv.next();
            return record == null ? List.of("") : record.cells();
        }
    }

    /** Characters read so far, counting those read again after a rejected record: the work done. */
    long charsRead() {
        return charsRead;
    }

    /**
     * The next record, or {@code null} at the end of the file.
     *
     * @throws UnreadableRecordException for a record that is not CSV or too long; the next call reads on
     */
    Record next() {
        int first = line;
        StringBuilder raw = new StringBuilder();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        State state = State.CELL_START;
        int quoteLine = 0;
        int quoteAt = 0;
        while (true) {
            int c = read();
            if (c < 0) {
                if (state == State.QUOTED) {
                    throw neverClosed(first, quoteLine, raw, quoteAt);
                }
                if (raw.isEmpty()) {
                    return null;
                }
                cells.add(cell.toString());
                return new Record(first, List.copyOf(cells));
            }
            boolean lineBreak = c == '\n' || c == '\r';
            if (lineBreak) {
                if (c == '\n' && lastWasCr) {
                    // The \n of a \r\n: the line ended at the \r.
                    lastWasCr = false;
                    if (!raw.isEmpty()) {
                        raw.append('\n');
                    }
                    continue;
                }
                lastWasCr = c == '\r';
                line++;
            } else {
                lastWasCr = false;
            }
            raw.append((char) c);
            if (raw.length() > maxRecordChars) {
                if (state == State.QUOTED) {
                    throw neverClosed(first, quoteLine, raw, quoteAt);
                }
                if (!lineBreak) {
                    skipRestOfLine();
                }
                throw new UnreadableRecordException(first, "the row is longer than " + maxRecordChars
                        + " characters; a roster row holds a phone number and a few short cells");
            }
            switch (state) {
                case CELL_START, UNQUOTED -> {
                    if (c == '"' && state == State.CELL_START) {
                        state = State.QUOTED;
                        quoteLine = line;
                        quoteAt = raw.length() - 1;
                    } else if (c == ',') {
                        cells.add(cell.toString());
                        cell.setLength(0);
                        state = State.CELL_START;
                    } else if (lineBreak) {
                        cells.add(cell.toString());
                        return new Record(first, List.copyOf(cells));
                    } else {
                        cell.append((char) c);
                        state = State.UNQUOTED;
                    }
                }
                case QUOTED -> {
                    if (c == '"') {
                        state = State.QUOTE_IN_QUOTED;
                    } else {
                        cell.append(lineBreak ? '\n' : (char) c);
                    }
                }
                case QUOTE_IN_QUOTED -> {
                    if (c == '"') {
                        cell.append('"');
                        state = State.QUOTED;
                    } else if (c == ',') {
                        cells.add(cell.toString());
                        cell.setLength(0);
                        state = State.CELL_START;
                    } else if (lineBreak) {
                        cells.add(cell.toString());
                        return new Record(first, List.copyOf(cells));
                    } else {
                        // Text after the closing quote ("Kim"Jr): keep it, as spreadsheets do.
                        cell.append((char) c);
                        state = State.UNQUOTED;
                    }
                }
            }
        }
    }

    /**
     * Rejects the record whose quote never closed and gives back what followed the line the quote opened
     * on, to be read again as records of their own.
     */
    private UnreadableRecordException neverClosed(int first, int quoteLine, StringBuilder raw, int quoteAt) {
        int end = quoteAt;
        while (end < raw.length() && raw.charAt(end) != '\n' && raw.charAt(end) != '\r') {
            end++;
        }
        if (end < raw.length()) {
            end += raw.charAt(end) == '\r' && end + 1 < raw.length() && raw.charAt(end + 1) == '\n' ? 2 : 1;
            StringBuilder back = new StringBuilder(raw.length() - end + pending.length() - pendingAt);
            back.append(raw, end, raw.length()).append(pending, pendingAt, pending.length());
            pending = back;
            pendingAt = 0;
            line = quoteLine + 1;
            // A \r that ended the quote's line as the last character read: its \n may still come.
            lastWasCr = end == raw.length() && raw.charAt(end - 1) == '\r';
        }
        String where = quoteLine == first ? "quote opened here" : "quote opened on line " + quoteLine;
        return new UnreadableRecordException(first, where + " is never closed (no closing \" within "
                + maxRecordChars + " characters); close it, or double a quote inside a cell (\"\")");
    }

    private void skipRestOfLine() {
        while (true) {
            int c = read();
            if (c < 0) {
                return;
            }
            if (c == '\n' || c == '\r') {
                lastWasCr = c == '\r';
                line++;
                return;
            }
        }
    }

    private int read() {
        charsRead++;
        if (pendingAt < pending.length()) {
            return pending.charAt(pendingAt++);
        }
        if (pendingAt > 0) {
            pending.setLength(0);
            pendingAt = 0;
        }
        try {
            int c = in.read();
            if (c < 0) {
                charsRead--;
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the roster: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
