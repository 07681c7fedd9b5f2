package org.epicall.pbx.ami;

import org.epicall.pbx.call.CallEngine;
import org.epicall.pbx.call.CallListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The AMI TCP server: accepts connections, runs one {@link AmiSession} per connection on a thread of its own,
 * and broadcasts events to the sessions that may read them. Thread-safe.
 */
public final class AmiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiServer.class);

    private final ServerSocket serverSocket;
    private final Set<AmiSession> sessions = ConcurrentHashMap.newKeySet();
    private final List<AmiUser> users;
    private final AmiEventPublisher events = new AmiEventPublisher(this);
    private volatile AmiActions actions;
    private final AtomicLong sessionIds = new AtomicLong(0x7f44b4003010L);
    private final int maxQueuedPerSession;
    private Thread acceptor;
    private final Instant started = Instant.now();

    /**
     * Binds; {@link #start(CallEngine)} starts accepting.
     *
     * @param port                0 for an ephemeral port
     * @param maxQueuedPerSession messages that may wait for a slow reader before it is disconnected
     */
    public AmiServer(String bindAddress, int port, List<AmiUser> users, int maxQueuedPerSession) throws IOException {
        this.serverSocket = new ServerSocket();
        this.serverSocket.setReuseAddress(true);
        this.serverSocket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port), 1024);
        this.maxQueuedPerSession = maxQueuedPerSession;
        this.users = List.copyOf(users);
    }

    /** The listener that turns the engine's call happenings into AMI events for this server's sessions. */
    public CallListener events() {
        return events;
    }

    /** Starts accepting connections whose actions drive {@code engine}. */
    public synchronized void start(CallEngine engine) {
        if (acceptor != null) {
            throw new IllegalStateException("AMI server already started");
        }
        this.actions = new AmiActions(this, users, engine, events);
        this.acceptor = Thread.ofPlatform().name("ami-accept-" + serverSocket.getLocalPort()).daemon()
                .start(this::acceptLoop);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    /** Logged-in and not yet logged-in connections. */
    public int connections() {
        return sessions.size();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                AmiSession session = new AmiSession(socket, this, sessionIds.getAndAdd(0x10), maxQueuedPerSession);
                sessions.add(session);
                Thread.ofPlatform().name("ami-in-" + socket.getPort()).daemon().start(session::run);
            } catch (SocketException e) {
                if (!serverSocket.isClosed()) {
                    log.warn("AMI accept failed: {}", e.toString());
                }
            } catch (IOException e) {
                // Typically out of file descriptors: back off instead of spinning until connections close.
                log.warn("AMI accept failed: {}", e.toString());
                LockSupport.parkNanos(50_000_000L);
            }
        }
    }

    /**
     * Sends an event to every session that reads {@code privilege} and whose eventfilter lets it through; the
     * event is built only if some session may want it.
     */
    void broadcast(int privilege, String name, Supplier<AmiMessage> event) {
        byte[] bytes = null;
        for (AmiSession session : sessions) {
            EventFilter.Verdict verdict = session.verdict(privilege, name);
            if (verdict == EventFilter.Verdict.DROP) {
                continue;
            }
            if (bytes == null) {
                bytes = event.get().toBytes();
            }
            session.deliver(verdict, bytes);
        }
    }

    void remove(AmiSession session) {
        sessions.remove(session);
    }

    AmiActions actions() {
        return actions;
    }

    Instant started() {
        return started;
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException e) {
            log.debug("closing AMI server socket", e);
        }
        for (AmiSession session : sessions) {
            session.abort();
        }
        sessions.clear();
        try {
            if (acceptor != null) {
                acceptor.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
