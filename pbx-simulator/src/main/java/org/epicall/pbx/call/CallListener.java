package org.epicall.pbx.call;

/**
 * What happens to channels, in the order it happens; the AMI layer turns each callback into an event.
 * Callbacks run on the simulator's scheduler or an AGI thread while the call's lock is held: they
 * must not block and must not call back into the call.
 */
public interface CallListener {

    void newChannel(Channel channel);

    void newState(Channel channel);

    void dialBegin(Channel caller, Channel destination, String dialString);

    void dialEnd(Channel caller, Channel destination, String dialStatus);

    void hangupRequest(Channel channel, HangupCause cause);

    void hangup(Channel channel, HangupCause cause);

    void varSet(Channel channel, String variable, String value);

    /** A listener that ignores everything. */
    CallListener NONE = new CallListener() {
        @Override
        public void newChannel(Channel channel) {
        }

        @Override
        public void newState(Channel channel) {
        }

        @Override
        public void dialBegin(Channel caller, Channel destination, String dialString) {
        }

        @Override
        public void dialEnd(Channel caller, Channel destination, String dialStatus) {
        }

        @Override
        public void hangupRequest(Channel channel, HangupCause cause) {
        }

        @Override
        public void hangup(Channel channel, HangupCause cause) {
        }

        @Override
        public void varSet(Channel channel, String variable, String value) {
        }
    };
}
