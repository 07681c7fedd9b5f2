package org.epicall.pbx.call;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's call detail records, as Asterisk's {@code cdr-csv} keeps them in {@code Master.csv}: one
 * CSV line per originated call once it has ended, written and flushed at once so that an observer (an audit,
 * a test) can trust the file while the simulator runs. Columns: {@code start,answer,end,channel,uniqueid,cause}
 * with times as ISO-8601 wall-clock instants ({@code answer} empty if not answered), the originated channel's
 * name (which holds the dialled number), its Uniqueid (the dialer's ChannelId) and the Q.850 hangup cause.
 * Thread-safe; callbacks only record and append.
 */
public final class CallDetailRecords implements CallListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallDetailRecords.class);
    public static final String HEADER = "start,answer,end,channel,uniqueid,cause";

    private final Path file;
    private final BufferedWriter out;
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final Map<String, Instant> answered = new ConcurrentHashMap<>();

    private CallDetailRecords(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Appends to {@code file}, writing the header if it is new.
     *
     * @throws UncheckedIOException if it cannot be opened for appending
     */
    public static CallDetailRecords appendingTo(Path file) {
        try {
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (fresh) {
                out.write(HEADER);
                out.newLine();
                out.flush();
            }
            return new CallDetailRecords(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write call detail records to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void newChannel(Channel channel) {
        if (originated(channel)) {
            started.put(channel.uniqueid(), Instant.now());
        }
    }

    @Override
    public void newState(Channel channel) {
        if (originated(channel) && channel.state() == ChannelState.UP) {
            answered.putIfAbsent(channel.uniqueid(), Instant.now());
        }
    }

    @Override
    public void hangup(Channel channel, HangupCause cause) {
        if (!originated(channel)) {
            return;
        }
        Instant start = started.remove(channel.uniqueid());
        Instant answer = answered.remove(channel.uniqueid());
        String line = (start == null ? "" : start.toString()) + "," + (answer == null ? "" : answer.toString()) + ","
                + Instant.now() + "," + channel.name() + "," + channel.uniqueid() + "," + cause.code();
        synchronized (out) {
            try {
                out.write(line);
                out.newLine();
                out.flush();
            } catch (IOException e) {
                log.error("Cannot append to the call detail records {}: {}", file, e.getMessage());
            }
        }
    }

    /** The channel Originate created (its own linkedid), not the far half of a Local channel. */
    private static boolean originated(Channel channel) {
        return channel.uniqueid().equals(channel.linkedid());
    }

    @Override
    public void close() {
        synchronized (out) {
            try {
                out.close();
            } catch (IOException e) {
                log.warn("Closing the call detail records {}: {}", file, e.getMessage());
            }
        }
    }
}
