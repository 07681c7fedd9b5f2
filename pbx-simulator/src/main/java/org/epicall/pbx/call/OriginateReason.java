package org.epicall.pbx.call;

/** The Reason codes of AMI OriginateResponse, as Asterisk sets them. */
public enum OriginateReason {
    /** Any other failure: rejected, no such context or number, unknown technology, channel limit. */
    FAILURE(0),
    /** The originating channel was hung up before the far end answered. */
    HANGUP(1),
    NO_ANSWER(3),
    ANSWERED(4),
    BUSY(5),
    CONGESTION(8);

    private final int code;

    OriginateReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
