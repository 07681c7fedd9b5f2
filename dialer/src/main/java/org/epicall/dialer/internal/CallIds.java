package org.epicall.dialer.internal;

/**
 * How an attempt id becomes the ChannelId and ActionID of its Originate, and back. The ChannelId
 * comes back as the Uniqueid of the OriginateResponse (even on failure) and of the channel's Hangup;
 * the second half of a Local channel gets {@code <ChannelId>;2}.
 *
 * <p>Asterisk 22 refuses a ChannelId that is a prefix of any live channel's Uniqueid, comparing
 * without regard to case (strncasecmp over the new id's length; ami-22): {@code ec-bench-1} cannot
 * be dialed while {@code ec-bench-10} is up. So the encoding is prefix-free under case folding:
 * {@code ec-<attempt>~<try>}, where upper-case letters of the attempt are written as {@code ^} and the
 * lower-case letter, and the try (0-9, see {@link LiveCall#MAX_TRIES}) is one digit. Attempt ids
 * contain neither {@code ^} nor {@code ~} ({@code [A-Za-z0-9._:@-]}), so no two attempts, and no two
 * tries of one attempt, can clash.
 *
 * <p>{@link #attemptOf} and {@link #tryOf} are public for tools that read call records (a call detail
 * record's channel id, a PBX log).
 */
public final class CallIds {

    private static final String PREFIX = "ec-";
    private static final char END = '~';
    private static final char UPPER = '^';

    private CallIds() {
    }

    /** @param attempt the try, 0-9 */
    static String channelId(String attemptId, int attempt) {
        if (attempt < 0 || attempt > 9) {
            throw new IllegalArgumentException("a try is one digit, was " + attempt);
        }
        StringBuilder id = new StringBuilder(PREFIX.length() + attemptId.length() + 4).append(PREFIX);
        for (int i = 0; i < attemptId.length(); i++) {
            char c = attemptId.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                id.append(UPPER).append((char) (c - 'A' + 'a'));
            } else {
                id.append(c);
            }
        }
        return id.append(END).append((char) ('0' + attempt)).toString();
    }

    /** The attempt id in a Uniqueid or ActionID of ours, or {@code null} if it is not ours. */
    public static String attemptOf(String uniqueIdOrActionId) {
        if (uniqueIdOrActionId == null || !uniqueIdOrActionId.startsWith(PREFIX)) {
            return null;
        }
        String id = uniqueIdOrActionId.substring(PREFIX.length());
        int half = id.lastIndexOf(';');
        if (half >= 0) {
            id = id.substring(0, half);
        }
        // an id without the end mark is one a node before this encoding dialed: taken as it is
        int end = id.indexOf(END);
        if (end >= 0) {
            id = id.substring(0, end);
        }
        StringBuilder attempt = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == UPPER && i + 1 < id.length()) {
                attempt.append(Character.toUpperCase(id.charAt(++i)));
            } else {
                attempt.append(c);
            }
        }
        return attempt.isEmpty() ? null : attempt.toString();
    }

    /** The try an id of ours names; 0 for an id without one (dialed before tries were numbered). */
    public static int tryOf(String uniqueIdOrActionId) {
        if (uniqueIdOrActionId == null) {
            return -1;
        }
        int end = uniqueIdOrActionId.indexOf(END);
        if (end < 0 || end + 1 >= uniqueIdOrActionId.length()) {
            return 0;
        }
        char digit = uniqueIdOrActionId.charAt(end + 1);
        return digit >= '0' && digit <= '9' ? digit - '0' : -1;
    }

    /** True for the dialer's own channel, false for the far half of a Local channel. */
    static boolean isPrimary(String uniqueId) {
        return uniqueId != null && uniqueId.indexOf(';') < 0;
    }
}
