package org.epicall.dialer.internal;

/**
 * How an attempt id becomes the ChannelId and ActionID of its Originate, and back. The ChannelId
 * comes back as the Uniqueid of the OriginateResponse (even on failure) and of the channel's Hangup;
 * the second half of a Local channel gets {@code <ChannelId>;2}.
 */
final class CallIds {

    private static final String PREFIX = "ec-";

    private CallIds() {
    }

    static String channelId(String attemptId) {
        return PREFIX + attemptId;
    }

    static String actionId(String attemptId) {
        return PREFIX + attemptId;
    }

    /** The attempt id in a Uniqueid or ActionID of ours, or {@code null} if it is not ours. */
    static String attemptOf(String uniqueIdOrActionId) {
        if (uniqueIdOrActionId == null || !uniqueIdOrActionId.startsWith(PREFIX)) {
            return null;
        }
        String id = uniqueIdOrActionId.substring(PREFIX.length());
        int half = id.lastIndexOf(';');
        return half < 0 ? id : id.substring(0, half);
    }

    /** True for the dialer's own channel, false for the far half of a Local channel. */
    static boolean isPrimary(String uniqueId) {
        return uniqueId != null && uniqueId.indexOf(';') < 0;
    }
}
