package org.epicall.dialer.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The least a client can do to drive Originates: one socket, a plain Login, Originates written at a
 * fixed pace, and a reader that only counts OriginateResponse events. No library, no correlation
 * table, no ledger: the ceiling the dialer is compared with.
 */
final class RawAmiBaseline {

    private final int port;
    private final String channel;

    RawAmiBaseline(int port, String channel) {
        this.port = port;
        this.channel = channel;
    }

    /** Runs at {@code rate} originates/s for {@code duration}; returns OriginateResponses per second. */
    double run(double rate, Duration duration) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1), 1 << 16);
            in.readLine();
            out.write("Action: Login\r\nActionID: raw-login\r\nUsername: dialer\r\nSecret: secret\r\nEvents: on\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            AtomicLong responses = new AtomicLong();
            Thread reader = Thread.ofPlatform().daemon().start(() -> countResponses(in, responses));
            long interval = (long) (1e9 / rate);
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long next = start;
            int n = 0;
            while (next < end) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String id = "raw-" + n++;
                out.write(("Action: Originate\r\nActionID: " + id + "\r\nChannel: " + channel
                        + "\r\nContext: survey\r\nExten: s\r\nPriority: 1\r\nTimeout: 30000\r\nChannelId: " + id
                        + "\r\nAsync: true\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                next += interval;
            }
            out.flush();
            long counted = responses.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            reader.interrupt();
            return counted / seconds;
        } catch (IOException e) {
            throw new UncheckedIOException("raw AMI baseline failed: " + e.getMessage(), e);
        }
    }

    private static void countResponses(BufferedReader in, AtomicLong responses) {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("Event: OriginateResponse")) {
                    responses.incrementAndGet();
                }
            }
        } catch (IOException e) {
            // socket closed at the end of the run
        }
    }
}
