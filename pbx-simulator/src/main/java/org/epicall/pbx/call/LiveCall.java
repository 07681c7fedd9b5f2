package org.epicall.pbx.call;

import org.epicall.pbx.resident.Resident;

import java.time.Duration;
import java.util.Optional;

/**
 * An answered call as its survey side (the FastAGI session) sees it. Thread-safe.
 */
public interface LiveCall {

    /** The channel the survey runs on: the {@code ;1} half of a Local call, or the PJSIP channel. */
    Channel channel();

    Resident resident();

    TimeScale timeScale();

    /** A channel variable (from Originate {@code Variable:} headers or SET VARIABLE), if set. */
    Optional<String> variable(String name);

    void setVariable(String name, String value);

    /** AMI AGIExecStart: the FastAGI script sent {@code command}. */
    void agiExecStart(long commandId, String command);

    /**
     * AMI AGIExecEnd for the reply to {@code command}. A {@code resultCode} of -1 (the command failed on a live
     * channel) makes the script's AGISTATUS FAILURE, as in Asterisk.
     */
    void agiExecEnd(long commandId, String command, int resultCode, String result);

    /** The resident pressed {@code digit}: DTMFBegin and DTMFEnd on the survey side. */
    void keyPressed(char digit, Duration length);

    /** True once the channel is hung up (by the resident, the dialer, or an AMI Hangup). */
    boolean isDead();

    /**
     * Waits up to {@code simulated} time (scaled to wall time) for the channel to be hung up.
     *
     * @return true if it was hung up before the time passed
     */
    boolean awaitHangup(Duration simulated) throws InterruptedException;

    /** Runs {@code action} once when the channel is hung up (at once if it already is), on the hanging-up thread. */
    void onHangup(Runnable action);

    /** The resident hangs up {@code simulated} time from now (used while it is answering a question). */
    void residentHangsUpIn(Duration simulated);

    /** The survey side hung up (AGI HANGUP): the channel is dead but stays until the AGI socket closes. */
    void hangupBySurvey();

    /**
     * The AGI script ended (socket closed, or never connected when {@code agiFailed}): the channel goes away
     * now, with a Hangup event, as Asterisk does once the AGI application returns.
     */
    void surveyEnded(boolean agiFailed);
}
