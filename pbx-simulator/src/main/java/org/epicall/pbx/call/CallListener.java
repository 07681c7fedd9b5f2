package org.epicall.pbx.call;

import java.time.Duration;

/**
 * What happens to channels, in the order it happens; the AMI layer turns each callback into the event Asterisk
 * 22 sends for it (the names follow the events). Callbacks run on the simulator's scheduler or an AGI thread
 * while the call's lock is held: they must not block and must not call back into the call. Every method does
 * nothing by default.
 */
public interface CallListener {

    default void newChannel(Channel channel) {
    }

    default void newState(Channel channel) {
    }

    /** The channel runs a dialplan priority: {@code application(data)}, data already expanded. */
    default void newExten(Channel channel, String application, String data) {
    }

    default void varSet(Channel channel, String variable, String value) {
    }

    default void newCallerId(Channel channel) {
    }

    default void newConnectedLine(Channel channel) {
    }

    /** The two halves of a Local channel are joined. */
    default void localBridge(Channel one, Channel two) {
    }

    default void dialBegin(Channel caller, Channel destination, String dialString) {
    }

    /** The dialled channel's progress before it answers (RINGING). */
    default void dialState(Channel caller, Channel destination, String dialStatus) {
    }

    default void dialEnd(Channel caller, Channel destination, String dialStatus) {
    }

    /**
     * A soft hangup was requested; {@code cause} is Asterisk's soft-hangup flag (16 for a dialplan or AMI
     * hangup, 32 for the AGI HANGUP command), not a Q.850 cause.
     */
    default void softHangupRequest(Channel channel, int cause) {
    }

    default void hangupRequest(Channel channel, HangupCause cause) {
    }

    default void hangup(Channel channel, HangupCause cause) {
    }

    default void agiExecStart(Channel channel, long commandId, String command) {
    }

    /**
     * @param resultCode 200, 510, 511, 520, or -1 when the command failed on a live channel
     * @param result     {@code Success}, {@code Failure}, {@code Usage}, or the error text
     */
    default void agiExecEnd(Channel channel, long commandId, String command, int resultCode, String result) {
    }

    /** The resident pressed a key: the survey side received DTMF. */
    default void dtmfBegin(Channel channel, char digit) {
    }

    default void dtmfEnd(Channel channel, char digit, Duration length) {
    }

    /** A listener that ignores everything. */
    CallListener NONE = new CallListener() {
    };

    /**
     * Tells {@code first}, then {@code second}, of every happening, whichever methods this interface has now
     * or gains later (a proxy, so it costs a reflective call per event: for observers such as call detail
     * records, not for the hot path of a load test).
     */
    static CallListener both(CallListener first, CallListener second) {
        return (CallListener) java.lang.reflect.Proxy.newProxyInstance(CallListener.class.getClassLoader(),
                new Class<?>[] {CallListener.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(first, args);
                    }
                    try {
                        method.invoke(first, args);
                        method.invoke(second, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return null;
                });
    }
}
