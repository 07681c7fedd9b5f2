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

    /** Offers a broadcast event; delivered if this session is logged in and reads its class. */
    void offerEvent(int privilege, byte[] event) {
        if (user != null && (readMask & privilege) != 0 && (eventMask & privilege) != 0) {
            outbox.send(event);
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
