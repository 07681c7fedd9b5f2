package org.epicall.pbx.call;

/** Q.850 hangup causes the simulator reports, with Asterisk's Cause-txt for each. */
public enum HangupCause {
    UNKNOWN(0, "Unknown"),
    UNALLOCATED(1, "Unallocated (unassigned) number"),
    NORMAL_CLEARING(16, "Normal Clearing"),
    USER_BUSY(17, "User busy"),
    NO_ANSWER(19, "User alerting, no answer"),
    SUBSCRIBER_ABSENT(20, "Subscriber absent"),
    CALL_REJECTED(21, "Call Rejected"),
    CONGESTION(34, "Circuit/channel congestion");

    private final int code;
    private final String text;

    HangupCause(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    /** The cause with this Q.850 code, or {@link #NORMAL_CLEARING} for codes the simulator does not model. */
    public static HangupCause ofCode(int code) {
        for (HangupCause cause : values()) {
            if (cause.code == code) {
                return cause;
            }
        }
        return NORMAL_CLEARING;
    }
}
