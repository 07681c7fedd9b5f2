package org.epicall.pbx.call;

/**
 * How an Originate ended, with the fields OriginateResponse carries.
 *
 * @param channel  the answered channel's name (e.g. {@code Local/s@residents-00000000;1}) on success,
 *                 the requested dial string on failure
 * @param uniqueid the answered channel's Uniqueid, or the requested ChannelId, or {@code <unknown>}
 */
public record OriginateResult(OriginateReason reason, String channel, String uniqueid) {

    public static final String UNKNOWN_UNIQUEID = "<unknown>";

    public boolean success() {
        return reason == OriginateReason.ANSWERED;
    }
}
