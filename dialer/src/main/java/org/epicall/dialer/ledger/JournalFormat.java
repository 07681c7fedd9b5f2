package org.epicall.dialer.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The journal's text format, one tab-separated record per line:
 * <ul>
 * <li>{@code H millis}: the forget horizon (first line of a compacted journal);</li>
 * <li>{@code A id campaign contact notAfterMillis|-}: accepted ({@code notAfter} absent in journals
 * written before deadlines were recorded);</li>
 * <li>{@code D id server}: about to be dialed;</li>
 * <li>{@code E id endedMillis}: ended (the time absent in older journals);</li>
 * <li>{@code F id notAfterMillis|- endedMillis}: finished, as a compaction writes an ended attempt
 * (half the bytes of A and E).</li>
 * </ul>
 */
final class JournalFormat {

    private static final String NO_DEADLINE = "-";

    private JournalFormat() {
    }

    static String horizon(Instant horizon) {
        return "H\t" + horizon.toEpochMilli() + '\n';
    }

    static void accepted(StringBuilder out, String id, String campaignId, String contactRef, Instant notAfter) {
        out.append("A\t").append(id).append('\t').append(campaignId).append('\t').append(contactRef).append('\t')
                .append(deadline(notAfter)).append('\n');
    }

    static void dialing(StringBuilder out, String id, String server) {
        out.append("D\t").append(id).append('\t').append(server).append('\n');
    }

    static void ended(StringBuilder out, String id, Instant at) {
        out.append("E\t").append(id).append('\t').append(at.toEpochMilli()).append('\n');
    }

    /**
     * Appends the records that rebuild {@code e} on replay.
     *
     * @return how many records
     */
    static int entry(StringBuilder out, String id, LedgerEntry e) {
        if (e.ended()) {
            out.append("F\t").append(id).append('\t').append(deadline(e.notAfter())).append('\t')
                    .append(e.endedAt().toEpochMilli()).append('\n');
            return 1;
        }
        accepted(out, id, e.campaignId(), e.contactRef(), e.notAfter());
        if (e.server() == null) {
            return 1;
        }
        dialing(out, id, e.server());
        return 2;
    }

    private static String deadline(Instant notAfter) {
        return notAfter == null ? NO_DEADLINE : Long.toString(notAfter.toEpochMilli());
    }

    private static Instant deadline(String field) {
        return field.equals(NO_DEADLINE) ? null : Instant.ofEpochMilli(Long.parseLong(field));
    }

    /** The end of the last complete record: bytes after it are a torn write. */
    static long lastCompleteRecordEnd(FileChannel channel) throws IOException {
        long end = channel.size();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (end > 0) {
            int chunk = (int) Math.min(buffer.capacity(), end);
            buffer.clear().limit(chunk);
            long from = end - chunk;
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, from + buffer.position()) < 0) {
                    throw new IOException("the journal shrank while being read");
                }
            }
            for (int i = chunk - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            end = from;
        }
        return 0;
    }

    /** What replaying a journal found. */
    static final class Replay {
        Instant horizon;
        long records;
        long forgottenRecords;
        long unreadable;
    }

    /**
     * Replays the first {@code end} bytes of the journal into {@code entries}.
     *
     * @param openedAt the end time given to ended records that carry none
     * @param onUnreadable told the line number and text of each record that cannot be read
     */
    static Replay replay(Path file, long end, Map<String, LedgerEntry> entries, Instant openedAt,
            UnreadableRecords onUnreadable) throws IOException {
        Replay replay = new Replay();
        InputStream in = new Limited(Files.newInputStream(file), end);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isEmpty()) {
                    continue;
                }
                switch (apply(line, entries, openedAt, replay)) {
                    case APPLIED -> replay.records++;
                    case FORGOTTEN -> replay.forgottenRecords++;
                    case UNREADABLE -> {
                        replay.unreadable++;
                        onUnreadable.found(number, line);
                    }
                }
            }
        }
        return replay;
    }

    /** Receives the records a replay skipped. */
    interface UnreadableRecords {
        void found(long lineNumber, String line);
    }

    private enum Applied { APPLIED, FORGOTTEN, UNREADABLE }

    private static Applied apply(String line, Map<String, LedgerEntry> entries, Instant openedAt, Replay replay) {
        String[] f = line.split("\t", -1);
        try {
            switch (f[0]) {
                case "H" -> {
                    if (f.length != 2) {
                        return Applied.UNREADABLE;
                    }
                    Instant h = Instant.ofEpochMilli(Long.parseLong(f[1]));
                    replay.horizon = replay.horizon == null || h.isAfter(replay.horizon) ? h : replay.horizon;
                }
                case "A" -> {
                    if (f.length != 4 && f.length != 5) {
                        return Applied.UNREADABLE;
                    }
                    Instant notAfter = f.length == 5 ? deadline(f[4]) : null;
                    entries.putIfAbsent(f[1], LedgerEntry.accepted(f[2], f[3], notAfter));
                }
                case "F" -> {
                    if (f.length != 4) {
                        return Applied.UNREADABLE;
                    }
                    LedgerEntry finished = LedgerEntry.finished(deadline(f[2]),
                            Instant.ofEpochMilli(Long.parseLong(f[3])));
                    entries.merge(f[1], finished, (old, ignored) -> old.endedAt(finished.endedAt()));
                }
                case "D" -> {
                    if (f.length != 3) {
                        return Applied.UNREADABLE;
                    }
                    return update(entries, f[1], e -> e.dialing(f[2]), replay);
                }
                case "E" -> {
                    if (f.length != 2 && f.length != 3) {
                        return Applied.UNREADABLE;
                    }
                    Instant at = f.length == 3 ? Instant.ofEpochMilli(Long.parseLong(f[2])) : openedAt;
                    return update(entries, f[1], e -> e.endedAt(at), replay);
                }
                default -> {
                    return Applied.UNREADABLE;
                }
            }
        } catch (NumberFormatException | DateTimeException e) {
            return Applied.UNREADABLE;
        }
        return Applied.APPLIED;
    }

    // A record for an attempt the journal does not hold: after a compaction it is the late end (or
    // dialing) record of an attempt the compaction forgot; without a horizon it is damage.
    private static Applied update(Map<String, LedgerEntry> entries, String id,
            UnaryOperator<LedgerEntry> change, Replay replay) {
        if (entries.computeIfPresent(id, (k, e) -> change.apply(e)) != null) {
            return Applied.APPLIED;
        }
        return replay.horizon != null ? Applied.FORGOTTEN : Applied.UNREADABLE;
    }

    /** Reads at most {@code limit} bytes, so a torn last record is never seen. */
    private static final class Limited extends InputStream {
        private final InputStream in;
        private long left;

        Limited(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
