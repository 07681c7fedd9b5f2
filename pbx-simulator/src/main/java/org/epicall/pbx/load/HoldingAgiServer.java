package org.epicall.pbx.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A FastAGI server for capacity checks: each call is answered, held with {@code EXEC Wait} for a fixed
 * (simulated) time, then hung up; one virtual thread per connection. Thread-safe.
 */
public final class HoldingAgiServer implements AutoCloseable {

    private final ServerSocket server;
    private final Duration hold;
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();

    public HoldingAgiServer(Duration hold) throws IOException {
        this.hold = hold;
        this.server = new ServerSocket(0, 16_384, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("holding-agi-accept").start(this::acceptLoop);
    }

    public URI url() {
        return URI.create("agi://127.0.0.1:" + server.getLocalPort() + "/hold");
    }

    /** FastAGI sessions open right now. */
    public int live() {
        return connected.get() - completed.get();
    }

    public int completed() {
        return completed.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
                // Out of file descriptors or similar: wait for calls to end rather than stop accepting.
                LockSupport.parkNanos(10_000_000L);
            }
        }
    }

    private void serve(Socket socket) {
        connected.incrementAndGet();
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = socket.getOutputStream()) {
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                // the agi_* environment
            }
            for (String command : new String[] {"ANSWER", "EXEC Wait " + hold.toSeconds(), "HANGUP"}) {
                out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                do {
                    line = in.readLine();
                } while (line != null && line.equals("HANGUP"));
                if (line == null) {
                    return;
                }
            }
        } catch (IOException e) {
            // the call ended under us; nothing to do
        } finally {
            completed.incrementAndGet();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /**
     * Runs a holding server in its own process (so its sockets do not count against the simulator's file
     * descriptor limit): prints {@code AGI_PORT=<port>}, then serves until standard input closes.
     *
     * @param args the hold time in seconds
     */
    public static void main(String[] args) throws IOException {
        try (HoldingAgiServer server = new HoldingAgiServer(Duration.ofSeconds(Long.parseLong(args[0])))) {
            System.out.println("AGI_PORT=" + server.server.getLocalPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // parent still there
            }
        }
    }
}
