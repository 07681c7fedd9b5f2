package org.epicall.pbx.load;

import org.epicall.pbx.net.LineReader;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The smallest AMI client that can drive a PBX hard: one raw socket, no asterisk-java, plain-text Login, then
 * async Originates written at a target rate, each OriginateResponse matched to its Originate by ActionID. It is
 * the baseline the dialer benchmark compares itself with. One run per connection; not thread-safe.
 */
public final class RawAmiLoadClient implements AutoCloseable {

    /**
     * What to fire.
     *
     * @param rate       Originates per second to aim for
     * @param duration   how long to keep firing (wall time); the number sent is about {@code rate * duration}
     * @param maxCount   stop after this many Originates even if time remains (0 = no limit)
     * @param channel    the dial string of the n-th Originate (0-based), e.g. {@code n -> "Local/" + numbers[n] + "@residents"}
     * @param context    dialplan context for answered calls
     * @param timeout    Originate Timeout header (how long the far end may ring)
     * @param drain      how long to wait after the last Originate for outstanding OriginateResponses
     */
    public record Plan(double rate, Duration duration, int maxCount, IntFunction<String> channel, String context,
                       Duration timeout, Duration drain) {
        public Plan {
            if (!(rate > 0)) {
                throw new IllegalArgumentException("rate must be positive, got " + rate);
            }
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(drain, "drain");
        }
    }

    private final Socket socket;
    /** ActionIDs unique to this client: OriginateResponse is broadcast to every AMI session reading calls. */
    private final String prefix = "load" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "-";
    private final LineReader lines;
    private final OutputStream out;
    private long[] sentAt = new long[0];
    private long[] latencies = new long[0];
    private final AtomicLong responded = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private volatile long expected = Long.MAX_VALUE;
    private volatile CountDownLatch allResponded = new CountDownLatch(1);
    private volatile long lastResponseNanos;

    private RawAmiLoadClient(Socket socket) throws IOException {
        this.socket = socket;
        this.lines = new LineReader(socket.getInputStream(), 64 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 256 * 1024);
    }

    /**
     * Connects and logs in (plain secret, events {@code call} only).
     *
     * @throws IOException if the connection fails or the login is refused
     */
    public static RawAmiLoadClient connect(String host, int port, String username, String secret) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        RawAmiLoadClient client = new RawAmiLoadClient(socket);
        client.login(username, secret);
        socket.setSoTimeout(0);
        return client;
    }

    private void login(String username, String secret) throws IOException {
        String banner = lines.next() ? lines.text() : null;
        if (banner == null || !banner.startsWith("Asterisk Call Manager/")) {
            throw new IOException("not an AMI server: first line was '" + banner + "'");
        }
        write("Action: Login\r\nActionID: load-login\r\nUsername: " + username + "\r\nSecret: " + secret
                + "\r\nEvents: call\r\n\r\n");
        out.flush();
        String response = null;
        String message = null;
        while (lines.next()) {
            String line = lines.text();
            if (line.isEmpty()) {
                if (response != null) {
                    break;
                }
                continue;
            }
            if (line.startsWith("Response: ")) {
                response = line.substring(10);
            } else if (line.startsWith("Message: ")) {
                message = line.substring(9);
            }
        }
        if (!"Success".equals(response)) {
            throw new IOException("AMI login as '" + username + "' refused: " + message);
        }
    }

    /**
     * Fires the plan and waits for the OriginateResponses (up to {@code plan.drain()} after the last send).
     */
    public LoadReport run(Plan plan) throws IOException, InterruptedException {
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8,
                plan.maxCount() > 0 ? plan.maxCount() : Math.ceil(plan.rate() * plan.duration().toNanos() / 1e9) + 1);
        sentAt = new long[capacity];
        latencies = new long[capacity];
        Arrays.fill(latencies, -1);
        allResponded = new CountDownLatch(1);
        Thread reader = Thread.ofPlatform().name("raw-ami-reader").daemon().start(this::readLoop);

        long start = System.nanoTime();
        long interval = (long) (1e9 / plan.rate());
        long end = start + plan.duration().toNanos();
        String timeoutMs = String.valueOf(plan.timeout().toMillis());
        int sent = 0;
        while (sent < capacity) {
            long now = System.nanoTime();
            if (now >= end && sent > 0) {
                break;
            }
            long due = start + sent * interval;
            if (due > now) {
                out.flush();
                LockSupport.parkNanos(due - now);
                continue;
            }
            // Everything due by now goes out in one batch.
            while (sent < capacity && start + sent * interval <= now) {
                sentAt[sent] = System.nanoTime();
                write("Action: Originate\r\nActionID: " + prefix + sent + "\r\nChannel: " + plan.channel().apply(sent)
                        + "\r\nContext: " + plan.context() + "\r\nExten: s\r\nPriority: 1\r\nTimeout: " + timeoutMs
                        + "\r\nCallerID: \"Load Test\" <1000>\r\nAsync: true\r\n\r\n");
                sent++;
            }
        }
        out.flush();
        long sendEnd = System.nanoTime();
        expected = sent;
        if (responded.get() >= sent) {
            allResponded.countDown();
        }
        allResponded.await(plan.drain().toNanos(), TimeUnit.NANOSECONDS);
        long finished = Math.max(lastResponseNanos, sendEnd);
        reader.interrupt();

        long[] measured = Arrays.stream(latencies, 0, sent).filter(l -> l >= 0).sorted().toArray();
        return new LoadReport(plan.rate(), sent, measured.length, succeeded.get(),
                Duration.ofNanos(sendEnd - start), Duration.ofNanos(finished - start), measured);
    }

    private void readLoop() {
        String event = null;
        String actionId = null;
        String response = null;
        try {
            // Only three headers matter, so lines are matched as bytes and only those become Strings.
            while (lines.next()) {
                if (lines.isEmpty()) {
                    if ("OriginateResponse".equals(event) && actionId != null && actionId.startsWith(prefix)) {
                        record(actionId, "Success".equals(response));
                    }
                    event = null;
                    actionId = null;
                    response = null;
                } else if (lines.startsWith(EVENT)) {
                    event = lines.text(EVENT.length);
                } else if (lines.startsWith(ACTION_ID)) {
                    actionId = lines.text(ACTION_ID.length);
                } else if (lines.startsWith(RESPONSE)) {
                    response = lines.text(RESPONSE.length);
                }
            }
        } catch (IOException e) {
            // the connection closed; the report counts what arrived
        }
    }

    private static final byte[] EVENT = "Event: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACTION_ID = "ActionID: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESPONSE = "Response: ".getBytes(StandardCharsets.US_ASCII);
    private void record(String actionId, boolean success) {
        int n;
        try {
            n = Integer.parseInt(actionId.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return;
        }
        if (n < 0 || n >= latencies.length || latencies[n] >= 0) {
            return;
        }
        long now = System.nanoTime();
        latencies[n] = now - sentAt[n];
        lastResponseNanos = now;
        if (success) {
            succeeded.incrementAndGet();
        }
        if (responded.incrementAndGet() >= expected) {
            allResponded.countDown();
        }
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
        try {
            write("Action: Logoff\r\nActionID: load-logoff\r\n\r\n");
            out.flush();
        } catch (IOException e) {
            // closing anyway
        }
        socket.close();
    }
}
