package org.epicall.pbx.call;

import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One originated call and its timeline. The event order for each outcome follows the reference transcripts
 * (ami-02 .. ami-16): a Local call has two halves, {@code ;1} (the survey side, which answers the Originate)
 * and {@code ;2} (the resident side); a PJSIP call has one channel.
 *
 * <p>All state changes happen under this object's lock; listener callbacks run under it, so the events of one
 * call are emitted in order. Hangup callbacks for the AGI session run after the lock is released.
 */
final class Call implements LiveCall {

    private enum Phase { DIALING, RINGING, UP, ENDED }

    private final CallEngine engine;
    private final OriginateRequest request;
    private final DialString dial;
    private final Resident resident;
    private final CompletableFuture<OriginateResult> result = new CompletableFuture<>();
    private final CompletableFuture<Void> dead = new CompletableFuture<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private Phase phase = Phase.DIALING;
    private Channel surveySide;
    private Channel residentSide;
    private ScheduledFuture<?> pending;
    private ScheduledFuture<?> residentHangup;
    private HangupCause deathCause;
    private boolean agiRunning;

    Call(CallEngine engine, OriginateRequest request, DialString dial, Resident resident) {
        this.engine = engine;
        this.request = request;
        this.dial = dial;
        this.resident = resident;
        this.variables.putAll(request.variables());
    }

    CompletableFuture<OriginateResult> result() {
        return result;
    }

    boolean isLocal() {
        return dial.isLocal();
    }

    // ------------------------------------------------------------------ dialing

    synchronized void dial() {
        String sequence = engine.nextSequence();
        if (isLocal()) {
            String base = "Local/" + dial.resource() + "@" + dial.location() + "-" + sequence;
            surveySide = engine.newChannel(this, base + ";1", request.channelId(), null,
                    ChannelState.DOWN, dial.location(), dial.resource());
            residentSide = engine.newChannel(this, base + ";2",
                    request.channelId() == null ? null : request.channelId() + ";2", surveySide.uniqueid(),
                    ChannelState.RING, dial.location(), dial.resource());
            engine.listener().newChannel(surveySide);
            engine.listener().newChannel(residentSide);
            surveySide.callerId(request.callerIdNum(), request.callerIdName());
            residentSide.callerId(request.callerIdNum(), request.callerIdName());
        } else {
            surveySide = engine.newChannel(this, "PJSIP/" + dial.location() + "-" + sequence, request.channelId(), null,
                    ChannelState.DOWN, request.context() == null ? "default" : request.context(),
                    request.exten() == null ? dial.resource() : request.exten());
            engine.listener().newChannel(surveySide);
            surveySide.callerId(request.callerIdNum(), request.callerIdName());
        }
        engine.listener().dialBegin(null, surveySide, dial.resource() + "@" + dial.location());
        if (resident == null) {
            noSuchDestination();
            return;
        }
        Duration after = resident.after();
        Behaviour behaviour = resident.behaviour();
        if (behaviour == Behaviour.NO_ANSWER || !after.isZero()) {
            ringing();
        }
        if (behaviour == Behaviour.NO_ANSWER || after.compareTo(request.timeout()) >= 0) {
            pending = engine.schedule(request.timeout(), this::noAnswer);
        } else if (after.isZero()) {
            farEndActs();
        } else {
            pending = engine.schedule(after, this::farEndActs);
        }
    }

    private void ringing() {
        phase = Phase.RINGING;
        surveySide.state(ChannelState.RINGING);
        engine.listener().newState(surveySide);
    }

    private synchronized void farEndActs() {
        if (phase == Phase.ENDED) {
            return;
        }
        switch (resident.behaviour()) {
            case BUSY -> busy();
            case CONGESTION -> congestion();
            case REJECTED -> rejected();
            case NO_ANSWER -> noAnswer();
            default -> answer();
        }
    }

    private void busy() {
        Channel ringingSide = isLocal() ? residentSide : surveySide;
        ringingSide.state(ChannelState.BUSY);
        engine.listener().newState(ringingSide);
        engine.listener().dialEnd(null, surveySide, "BUSY");
        if (isLocal()) {
            engine.listener().hangupRequest(residentSide, HangupCause.UNKNOWN);
            fail(OriginateReason.BUSY);
            end(HangupCause.UNKNOWN, HangupCause.USER_BUSY);
        } else {
            fail(OriginateReason.BUSY);
            end(HangupCause.USER_BUSY, null);
        }
    }

    private void congestion() {
        Channel ringingSide = isLocal() ? residentSide : surveySide;
        ringingSide.state(ChannelState.BUSY);
        engine.listener().newState(ringingSide);
        engine.listener().dialEnd(null, surveySide, "CONGESTION");
        if (isLocal()) {
            engine.listener().hangupRequest(residentSide, HangupCause.UNKNOWN);
            hangupChannel(surveySide, HangupCause.UNKNOWN);
            fail(OriginateReason.CONGESTION);
            end(null, HangupCause.CONGESTION);
        } else {
            fail(OriginateReason.CONGESTION);
            end(HangupCause.CONGESTION, null);
        }
    }

    private void rejected() {
        engine.listener().hangupRequest(surveySide, HangupCause.CALL_REJECTED);
        if (isLocal()) {
            hangupChannel(residentSide, HangupCause.CALL_REJECTED);
        }
        engine.listener().dialEnd(null, surveySide, "NOANSWER");
        hangupChannel(surveySide, HangupCause.CALL_REJECTED);
        fail(OriginateReason.FAILURE);
        end(null, null);
    }

    private synchronized void noAnswer() {
        if (phase == Phase.ENDED || phase == Phase.UP) {
            return;
        }
        fail(OriginateReason.NO_ANSWER);
        if (isLocal()) {
            engine.listener().hangupRequest(residentSide, HangupCause.NO_ANSWER);
            hangupChannel(residentSide, HangupCause.NO_ANSWER);
        }
        end(HangupCause.NO_ANSWER, null);
    }

    private void noSuchDestination() {
        if (isLocal()) {
            hangupChannel(residentSide, HangupCause.UNKNOWN);
            fail(OriginateReason.FAILURE);
            end(HangupCause.UNKNOWN, null);
        } else {
            fail(OriginateReason.FAILURE);
            end(HangupCause.UNALLOCATED, null);
        }
    }

    private void fail(OriginateReason reason) {
        String uniqueid = request.channelId() != null ? request.channelId() : OriginateResult.UNKNOWN_UNIQUEID;
        result.complete(new OriginateResult(reason, request.channel(), uniqueid));
    }

    // ------------------------------------------------------------------ answered

    private void answer() {
        phase = Phase.UP;
        surveySide.state(ChannelState.UP);
        engine.listener().newState(surveySide);
        if (isLocal()) {
            residentSide.state(ChannelState.UP);
            engine.listener().newState(residentSide);
        }
        engine.listener().dialEnd(null, surveySide, "ANSWER");
        result.complete(new OriginateResult(OriginateReason.ANSWERED, surveySide.name(), surveySide.uniqueid()));
        resident.hangupAfter().ifPresent(talk -> residentHangup = engine.schedule(talk, this::residentHangsUp));
        runSurveySide();
    }

    private void runSurveySide() {
        if (request.application() != null) {
            surveySide.application(request.application(), request.data());
            if (request.application().equalsIgnoreCase("AGI")) {
                Dialplan.Agi agi;
                try {
                    agi = new Dialplan.Agi(URI.create(request.data().split(",")[0].trim()), 1);
                } catch (IllegalArgumentException e) {
                    // Asterisk cannot run AGI with a bad URL either: AGISTATUS=FAILURE and the call ends.
                    engine.listener().varSet(surveySide, "AGISTATUS", "FAILURE");
                    end(HangupCause.NORMAL_CLEARING, HangupCause.NORMAL_CLEARING);
                    return;
                }
                startAgi(agi);
            } else {
                // An application run by Originate ends without a dialplan Hangup(): Asterisk reports cause 0 (ami-11).
                playThenHangUp(engine.promptDuration(), HangupCause.UNKNOWN);
            }
            return;
        }
        Optional<Dialplan.Step> step = engine.dialplan().surveyStep(request.context());
        surveySide.location(request.context(), request.exten(), request.priority());
        switch (step.orElse(null)) {
            case Dialplan.Agi agi -> startAgi(agi);
            case Dialplan.Playback playback -> {
                surveySide.application("Playback", "");
                playThenHangUp(playback.duration(), HangupCause.NORMAL_CLEARING);
            }
            case null -> end(HangupCause.NORMAL_CLEARING, HangupCause.NORMAL_CLEARING);
        }
    }

    private void startAgi(Dialplan.Agi agi) {
        surveySide.location(request.context() == null ? "default" : request.context(),
                request.exten() == null ? "s" : request.exten(), agi.priority());
        surveySide.application("AGI", agi.url().toString());
        agiRunning = true;
        engine.surveyRunner().start(this, agi);
    }

    private void playThenHangUp(Duration duration, HangupCause cause) {
        pending = engine.schedule(duration, () -> {
            synchronized (this) {
                if (phase == Phase.UP && deathCause == null) {
                    end(cause, cause);
                }
            }
        });
    }

    /** The resident hangs up on an answered call. */
    void residentHangsUp() {
        boolean died;
        synchronized (this) {
            if (phase != Phase.UP || deathCause != null) {
                return;
            }
            died = true;
            deathCause = HangupCause.NORMAL_CLEARING;
            if (isLocal()) {
                engine.listener().hangupRequest(surveySide, HangupCause.NORMAL_CLEARING);
                hangupChannel(residentSide, HangupCause.NORMAL_CLEARING);
            }
            if (!agiRunning) {
                end(HangupCause.NORMAL_CLEARING, null);
            }
        }
        if (died) {
            dead.complete(null);
        }
    }

    /** AMI Hangup of one of this call's channels. */
    void hangupByManager(Channel channel, HangupCause cause) {
        boolean died = false;
        synchronized (this) {
            if (phase == Phase.ENDED) {
                return;
            }
            if (phase != Phase.UP) {
                cancelPending();
                engine.listener().hangupRequest(channel, cause);
                result.complete(new OriginateResult(OriginateReason.HANGUP, request.channel(),
                        request.channelId() != null ? request.channelId() : OriginateResult.UNKNOWN_UNIQUEID));
                end(cause, cause);
                return;
            }
            if (deathCause == null) {
                died = true;
                deathCause = cause;
                engine.listener().hangupRequest(channel, cause);
                if (channel == residentSide) {
                    hangupChannel(residentSide, cause);
                }
                if (!agiRunning) {
                    end(cause, cause);
                }
            }
        }
        if (died) {
            dead.complete(null);
        }
    }

    @Override
    public void hangupBySurvey() {
        boolean died = false;
        synchronized (this) {
            if (phase == Phase.UP && deathCause == null) {
                died = true;
                // The transcripts (ami-01, ami-15) show cause 0 on both halves of a Local call hung up by AGI.
                deathCause = isLocal() ? HangupCause.UNKNOWN : HangupCause.NORMAL_CLEARING;
            }
        }
        if (died) {
            dead.complete(null);
        }
    }

    @Override
    public void surveyEnded(boolean agiFailed) {
        synchronized (this) {
            if (phase == Phase.ENDED) {
                return;
            }
            agiRunning = false;
            String status = agiFailed ? "FAILURE" : deathCause != null ? "HANGUP" : "SUCCESS";
            engine.listener().varSet(surveySide, "AGISTATUS", status);
            HangupCause cause = deathCause != null ? deathCause : HangupCause.NORMAL_CLEARING;
            end(cause, cause);
        }
        dead.complete(null);
    }

    /** Ends the call after an unexpected failure of the simulator itself, so no call is ever left hanging. */
    synchronized void abort() {
        if (phase == Phase.ENDED) {
            return;
        }
        if (surveySide == null) {
            phase = Phase.ENDED;
            fail(OriginateReason.FAILURE);
            engine.release(this);
            dead.complete(null);
            return;
        }
        end(HangupCause.NORMAL_CLEARING, HangupCause.NORMAL_CLEARING);
    }

    // ------------------------------------------------------------------ ending

    /** Hangs up what is still up (null cause: leave that half alone) and releases the call. */
    private void end(HangupCause surveyCause, HangupCause residentCause) {
        if (phase == Phase.ENDED) {
            return;
        }
        if (surveyCause != null) {
            hangupChannel(surveySide, surveyCause);
        }
        if (residentSide != null && residentCause != null) {
            hangupChannel(residentSide, residentCause);
        }
        // Whatever is still up goes with the cause of its partner, as a destroyed Local pair does.
        HangupCause rest = surveyCause != null ? surveyCause : residentCause != null ? residentCause : HangupCause.UNKNOWN;
        hangupChannel(surveySide, rest);
        if (residentSide != null) {
            hangupChannel(residentSide, rest);
        }
        phase = Phase.ENDED;
        cancelPending();
        if (residentHangup != null) {
            residentHangup.cancel(false);
        }
        if (!result.isDone()) {
            fail(OriginateReason.FAILURE);
        }
        engine.release(this);
        dead.complete(null);
    }

    private void hangupChannel(Channel channel, HangupCause cause) {
        if (channel == null || channel.hungUp()) {
            return;
        }
        channel.markHungUp();
        engine.listener().hangup(channel, cause);
        engine.forget(channel);
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    synchronized Channel surveySide() {
        return surveySide;
    }

    synchronized Channel residentSide() {
        return residentSide;
    }

    // ------------------------------------------------------------------ LiveCall

    @Override
    public Channel channel() {
        return surveySide();
    }

    @Override
    public Resident resident() {
        return resident;
    }

    @Override
    public TimeScale timeScale() {
        return engine.timeScale();
    }

    @Override
    public synchronized Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    @Override
    public synchronized void setVariable(String name, String value) {
        variables.put(name, value);
        engine.listener().varSet(surveySide, name, value);
    }

    @Override
    public boolean isDead() {
        return dead.isDone();
    }

    @Override
    public boolean awaitHangup(Duration simulated) throws InterruptedException {
        Duration wall = engine.timeScale().toWall(simulated);
        try {
            dead.get(wall.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    @Override
    public void onHangup(Runnable action) {
        dead.thenRun(action);
    }

    @Override
    public void residentHangsUpIn(Duration simulated) {
        engine.schedule(simulated, this::residentHangsUp);
    }
}
