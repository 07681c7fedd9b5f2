package org.epicall.dialer.ami;

/**
 * The dialer's AMI session with one Asterisk server. It connects in the background, reconnects
 * with backoff when the session is lost, and keeps it alive with Pings. Thread-safe.
 */
public interface PbxLink extends AutoCloseable {

    String server();

    /** Starts connecting; returns at once. Progress is reported through {@link PbxEvents}. */
    void start();

    /** True while logged in. */
    boolean isUp();

    /** Up, or why not; for health checks. */
    default LinkStatus status() {
        return new LinkStatus(server(), isUp(), isUp() ? null : "not connected", false);
    }

    /**
     * Sends an asynchronous Originate; returns as soon as it is written. The outcome arrives as
     * {@link PbxEvents#originateResult} or {@link PbxEvents#originateRefused}.
     *
     * @throws PbxUnavailableException if the link is down or the write failed; nothing was dialed
     *         as far as this session knows
     */
    void originate(OriginateCommand command);

    /** Logs off and stops reconnecting. */
    @Override
    void close();
}
