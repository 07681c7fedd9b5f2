package org.epicall.pbx.ami;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One AMI connection: reads actions on its own thread and answers through its {@link AmiOutbox}.
 * Authentication and event settings are changed only by that thread; events are offered from any thread.
 */
final class AmiSession {

    private static final Logger log = LoggerFactory.getLogger(AmiSession.class);
    static final Duration AUTH_TIMEOUT = Duration.ofSeconds(30);
    static final byte[] BANNER = "Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final AmiServer server;
    private final AmiOutbox outbox;
    private final long id;
    private volatile AmiUser user;
    private volatile int readMask;
    private volatile int writeMask;
    private volatile int eventMask;
    private volatile EventFilter filter = EventFilter.NONE;
    private String challenge;

    AmiSession(Socket socket, AmiServer server, long id, int maxQueued) {
        this.socket = socket;
        this.server = server;
        this.id = id;
        this.outbox = new AmiOutbox(socket, maxQueued);
    }

    void run() {
        outbox.send(BANNER);
        // Asterisk's authtimeout: a connection that does not log in is dropped.
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(AUTH_TIMEOUT);
                if (user == null) {
                    log.info("AMI connection {} did not log in within {}; closing it", socket.getRemoteSocketAddress(),
                            AUTH_TIMEOUT);
                    outbox.abort();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            AmiMessageReader reader = new AmiMessageReader(socket.getInputStream());
            while (!outbox.isClosed()) {
                AmiMessage message = reader.next();
                if (message == null) {
                    break;
                }
                try {
                    server.actions().handle(this, message);
                } catch (RuntimeException e) {
                    log.error("AMI action {} failed", message.get("Action"), e);
                    send(AmiMessage.builder().add("Response", "Error").actionId(message.get("ActionID"))
                            .add("Message", "Internal error: " + e.getMessage()).build());
                }
            }
        } catch (IOException e) {
            log.debug("AMI connection {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            outbox.closeAfterFlush();
            server.remove(this);
        }
    }

    void send(AmiMessage message) {
        outbox.send(message.toBytes());
    }

    /**
     * Whether a broadcast event of this class and name reaches this session (logged in, read rights, event mask,
     * eventfilter), or whether its text must be read to tell.
     */
    EventFilter.Verdict verdict(int privilege, String name) {
        if (user == null || (readMask & privilege) == 0 || (eventMask & privilege) == 0) {
            return EventFilter.Verdict.DROP;
        }
        return filter.verdict(name);
    }

    /** Sends an event {@link #verdict} did not drop. */
    void deliver(EventFilter.Verdict verdict, byte[] event) {
        if (verdict == EventFilter.Verdict.PASS || filter.passes(event)) {
            outbox.send(event);
        }
    }

    /** Offers an event to this session alone, as a broadcast would. */
    void offerEvent(int privilege, String name, byte[] event) {
        EventFilter.Verdict verdict = verdict(privilege, name);
        if (verdict != EventFilter.Verdict.DROP) {
            deliver(verdict, event);
        }
    }

    void closeAfterFlush() {
        outbox.closeAfterFlush();
    }

    void abort() {
        outbox.abort();
    }

    void authenticated(AmiUser loggedIn, int events) {
        this.readMask = loggedIn.readMask();
        this.writeMask = loggedIn.writeMask();
        this.eventMask = events;
        this.filter = loggedIn.eventFilter();
        this.user = loggedIn;
    }

    boolean isAuthenticated() {
        return user != null;
    }

    AmiUser user() {
        return user;
    }

    int readMask() {
        return readMask;
    }

    int writeMask() {
        return writeMask;
    }

    void eventMask(int mask) {
        this.eventMask = mask;
    }

    String challenge() {
        return challenge;
    }

    void challenge(String value) {
        this.challenge = value;
    }

    long id() {
        return id;
    }

    Socket socket() {
        return socket;
    }
}
