package org.epicall.dialer.ami;

/**
 * What a {@link PbxLink} reports. Called on the link's event thread, which also delivers every
 * other AMI event of that server: implementations must return quickly and must never block or send
 * a synchronous AMI action (it would deadlock the thread that has to deliver its response).
 */
public interface PbxEvents {

    /** The link logged in and can originate. */
    void linkUp(String server);

    /** The link was lost; calls originated on it get no more events from this session. */
    void linkDown(String server, String reason);

    /** Asterisk refused an Originate outright (Response: Error); no OriginateResponse will follow. */
    void originateRefused(String server, String actionId, String message);

    /** An OriginateResponse event. */
    void originateResult(String server, OriginateResult result);

    /**
     * A channel is being hung up (HangupRequest). For a call refused before answering it carries the
     * Q.850 cause first, often before the OriginateResponse and always before any Hangup does
     * (ami-21: 140 of 140 runs).
     */
    void hangupRequest(String server, ChannelHangup request);

    /** A channel hung up. */
    void hangup(String server, ChannelHangup hangup);

    /**
     * @param actionId our ActionID, or {@code null} if the event carried none of ours
     * @param uniqueId the channel's Uniqueid (our ChannelId when we set one), or {@code null}
     * @param success  {@code Response: Success}
     * @param reason   the {@code Reason} code, or {@code null}
     */
    record OriginateResult(String actionId, String uniqueId, boolean success, Integer reason, String channel) {
    }

    /**
     * @param uniqueId the channel's Uniqueid; for a Local channel's second half, {@code <id>;2}
     * @param linkedId the call's Linkedid, or {@code null}
     * @param cause    Q.850 cause, or {@code null}
     */
    record ChannelHangup(String uniqueId, String linkedId, Integer cause, String channel) {
    }
}
