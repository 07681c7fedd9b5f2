package org.epicall.pbx.call;

import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One originated call and its timeline, with the events Asterisk 22 sends for it (the reference transcripts
 * ami-01 .. ami-28). A Local call has two halves: {@code ;1}, the survey side, which answers the Originate and
 * then runs the Originate's context, and {@code ;2}, the resident side, which runs the far end's dialplan. A
 * PJSIP call has one channel.
 *
 * <p>All state changes happen under this object's lock; listener callbacks run under it, so the events of one
 * call are emitted in order. The hangup signal for the AGI session is given after the lock is released.
 */
final class Call implements LiveCall {

    private static final Logger log = LoggerFactory.getLogger(Call.class);
    /** A voicemail hangs up once its greeting and recording time are over, unless the persona says otherwise. */
    private static final Duration MACHINE_RECORDING_TIME = Duration.ofSeconds(40);
    /** Asterisk's soft-hangup flag for a dialplan or AMI hangup (AST_SOFTHANGUP_EXPLICIT). */
    private static final int SOFT_HANGUP = 16;
    /** The flag the AGI HANGUP command sets (AST_SOFTHANGUP_APPUNLOAD). */
    private static final int SOFT_HANGUP_BY_AGI = 32;

    private enum Phase { DIALING, RINGING, UP, ENDED }

    /** Who made an answered call's survey side dead. */
    private enum Death { RESIDENT, SURVEY, MANAGER }

    private final CallEngine engine;
    private final OriginateRequest request;
    private final DialString dial;
    private final Resident resident;
    private final long sequence;
    private final Consumer<OriginateResult> responder;
    private final CompletableFuture<Void> dead = new CompletableFuture<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private Phase phase = Phase.DIALING;
    private boolean responded;
    private Channel surveySide;
    private Channel residentSide;
    private boolean farPbx;
    private boolean surveyPbx;
    private ScheduledFuture<?> pending;
    private ScheduledFuture<?> residentHangup;
    private Death death;
    private HangupCause deathCause;
    private boolean agiRunning;
    private boolean agiCommandFailed;
    private Dialplan.Context context;
    private int afterAgi;

    Call(CallEngine engine, OriginateRequest request, DialString dial, Resident resident, long sequence,
         Consumer<OriginateResult> responder) {
        this.engine = engine;
        this.request = request;
        this.dial = dial;
        this.resident = resident;
        this.sequence = sequence;
        this.responder = responder;
        this.variables.putAll(request.variables());
    }

    boolean isLocal() {
        return dial.isLocal();
    }

    private CallListener events() {
        return engine.listener();
    }

    // ------------------------------------------------------------------ dialing

    synchronized void dial() {
        String number = engine.nextSequence();
        if (isLocal()) {
            String base = "Local/" + dial.resource() + "@" + dial.location() + "-" + number;
            surveySide = engine.newChannel(this, base + ";1", request.channelId(), null,
                    ChannelState.DOWN, dial.location(), dial.resource());
            residentSide = engine.newChannel(this, base + ";2",
                    request.channelId() == null ? null : request.channelId() + ";2", surveySide.uniqueid(),
                    ChannelState.RING, dial.location(), dial.resource());
            events().newChannel(surveySide);
            events().newChannel(residentSide);
            announce(surveySide, true);
            announce(residentSide, false);
            // The far half runs its own dialplan from the moment it is called: no such context or number
            // (ami-07), or a server past maxcalls/maxload (ami-27), ends the call here, before any DialBegin.
            if (resident != null) {
                events().localBridge(surveySide, residentSide);
            }
            if (resident == null || !engine.startPbx(residentSide)) {
                closeFailed(OriginateReason.FAILURE, List.of(
                        () -> hangupChannel(residentSide, HangupCause.UNKNOWN),
                        () -> hangupChannel(surveySide, HangupCause.UNKNOWN)));
                return;
            }
            farPbx = true;
        } else {
            surveySide = engine.newChannel(this, "PJSIP/" + dial.location() + "-" + number, request.channelId(), null,
                    ChannelState.DOWN, request.context() == null ? "default" : request.context(),
                    request.exten() == null ? dial.resource() : request.exten());
            events().newChannel(surveySide);
            announce(surveySide, true);
        }
        events().dialBegin(null, surveySide, dial.resource() + "@" + dial.location());
        if (resident == null) {
            // the trunk says the number does not exist
            closeFailed(OriginateReason.FAILURE, List.of(
                    () -> events().hangupRequest(surveySide, HangupCause.UNALLOCATED),
                    () -> events().dialEnd(null, surveySide, "NOANSWER"),
                    () -> hangupChannel(surveySide, HangupCause.UNALLOCATED)));
            return;
        }
        Duration after = resident.after();
        Behaviour behaviour = resident.behaviour();
        if (behaviour == Behaviour.NO_ANSWER || !after.isZero()) {
            ringing();
        }
        if (behaviour == Behaviour.NO_ANSWER || after.compareTo(request.timeout()) >= 0) {
            pending = engine.schedule(request.timeout(), this::ringTimeout);
        } else if (after.isZero()) {
            farEndActs();
        } else {
            pending = engine.schedule(after, this::farEndActs);
        }
    }

    /** What a new channel announces: its first dialplan step, the Originate's variables and caller ID. */
    private void announce(Channel channel, boolean dialled) {
        if (dialled) {
            channel.application("AppDial2", "(Outgoing Line)");
            events().newExten(channel, "AppDial2", "(Outgoing Line)");
        }
        request.variables().forEach((name, value) -> events().varSet(channel, name, value));
        if (request.callerIdNum() != null || request.callerIdName() != null) {
            channel.callerId(request.callerIdNum(), request.callerIdName());
            events().newCallerId(channel);
            channel.connectedLine(request.callerIdNum(), request.callerIdName());
            events().newConnectedLine(channel);
        }
    }

    private void ringing() {
        phase = Phase.RINGING;
        if (isLocal()) {
            events().newExten(residentSide, "Ringing", "");
        }
        surveySide.state(ChannelState.RINGING);
        events().newState(surveySide);
        events().dialState(null, surveySide, "RINGING");
    }

    private synchronized void farEndActs() {
        if (phase == Phase.ENDED) {
            return;
        }
        switch (resident.behaviour()) {
            case BUSY -> busyOrCongested("Busy", "BUSY", HangupCause.USER_BUSY);
            case CONGESTION -> busyOrCongested("Congestion", "CONGESTION", HangupCause.CONGESTION);
            case REJECTED -> refused(HangupCause.CALL_REJECTED, "NOANSWER");
            case UNALLOCATED -> refused(HangupCause.UNALLOCATED, "NOANSWER");
            case ABSENT -> refused(HangupCause.SUBSCRIBER_ABSENT, "CHANUNAVAIL");
            case NO_ANSWER -> ringTimeout();
            default -> answer();
        }
    }

    /** Busy() / Congestion() on the far side: only the far half carries the cause (ami-21-busy, -congestion). */
    private void busyOrCongested(String application, String dialStatus, HangupCause cause) {
        OriginateReason reason = cause == HangupCause.USER_BUSY ? OriginateReason.BUSY : OriginateReason.CONGESTION;
        if (isLocal()) {
            events().newExten(residentSide, application, "");
            closeFailed(reason, List.of(
                    () -> {
                        residentSide.state(ChannelState.BUSY);
                        events().newState(residentSide);
                    },
                    () -> events().dialEnd(null, surveySide, dialStatus),
                    () -> events().hangupRequest(residentSide, HangupCause.UNKNOWN),
                    () -> events().softHangupRequest(residentSide, SOFT_HANGUP),
                    () -> hangupChannel(residentSide, cause),
                    () -> hangupChannel(surveySide, HangupCause.UNKNOWN)));
        } else {
            closeFailed(reason, List.of(
                    () -> {
                        surveySide.state(ChannelState.BUSY);
                        events().newState(surveySide);
                    },
                    () -> events().dialEnd(null, surveySide, dialStatus),
                    () -> hangupChannel(surveySide, cause)));
        }
    }

    /**
     * {@code Hangup(<cause>)} before answering: Reason 0, and the cause reaches the dialer first on HangupRequest
     * {@code ;1}, then on both Hangups (ami-21: 21, 20 and 1, 20 of 20 runs each).
     */
    private void refused(HangupCause cause, String dialStatus) {
        if (isLocal()) {
            events().newExten(residentSide, "Hangup", String.valueOf(cause.code()));
            closeFailed(OriginateReason.FAILURE, List.of(
                    () -> events().softHangupRequest(residentSide, SOFT_HANGUP),
                    () -> events().hangupRequest(surveySide, cause),
                    () -> hangupChannel(residentSide, cause),
                    () -> events().dialEnd(null, surveySide, dialStatus),
                    () -> hangupChannel(surveySide, cause)));
        } else {
            closeFailed(OriginateReason.FAILURE, List.of(
                    () -> events().hangupRequest(surveySide, cause),
                    () -> events().dialEnd(null, surveySide, dialStatus),
                    () -> hangupChannel(surveySide, cause)));
        }
    }

    /** The Originate Timeout ran out while ringing: Reason 3, cause 19, in the order most runs showed. */
    private synchronized void ringTimeout() {
        if (phase == Phase.ENDED || phase == Phase.UP) {
            return;
        }
        Channel ringingSide = isLocal() ? residentSide : surveySide;
        events().hangupRequest(ringingSide, HangupCause.NO_ANSWER);
        respondFailure(OriginateReason.NO_ANSWER);
        if (isLocal()) {
            events().softHangupRequest(residentSide, SOFT_HANGUP);
            hangupChannel(residentSide, HangupCause.NO_ANSWER);
        }
        hangupChannel(surveySide, HangupCause.NO_ANSWER);
        finish();
    }

    /**
     * Runs the closing events of a failed call with the OriginateResponse where {@link FailureEventOrder} puts it
     * for this call, then ends the call.
     */
    private void closeFailed(OriginateReason reason, List<Runnable> steps) {
        int at = engine.order().position(steps.size(), sequence);
        for (int i = 0; i < steps.size(); i++) {
            if (i == at) {
                respondFailure(reason);
            }
            steps.get(i).run();
        }
        respondFailure(reason);
        finish();
    }

    private void respondFailure(OriginateReason reason) {
        String uniqueid = request.channelId() != null ? request.channelId() : OriginateResult.UNKNOWN_UNIQUEID;
        respond(new OriginateResult(reason, request.channel(), uniqueid));
    }

    private void respond(OriginateResult result) {
        if (!responded) {
            responded = true;
            responder.accept(result);
        }
    }

    // ------------------------------------------------------------------ answered

    private void answer() {
        phase = Phase.UP;
        if (isLocal()) {
            events().newExten(residentSide, "Answer", "");
            residentSide.state(ChannelState.UP);
            events().newState(residentSide);
        }
        surveySide.state(ChannelState.UP);
        events().newState(surveySide);
        events().dialEnd(null, surveySide, "ANSWER");
        respond(new OriginateResult(OriginateReason.ANSWERED, surveySide.name(), surveySide.uniqueid()));
        Optional<Duration> hangsUp = resident.behaviour() == Behaviour.MACHINE
                ? resident.hangupAfter().or(() -> Optional.of(MACHINE_RECORDING_TIME)) : resident.hangupAfter();
        hangsUp.ifPresent(talk -> residentHangup = engine.schedule(talk, this::residentHangsUp));
        if (request.application() != null) {
            runApplication();
            return;
        }
        // The survey half starts its dialplan only now, and a server past its limits refuses it although the
        // call is answered: OriginateResponse already said Success (ami-27-maxcalls).
        if (!engine.startPbx(surveySide)) {
            log.error("Failed to start PBX on {}", surveySide.name());
            if (isLocal()) {
                events().hangupRequest(residentSide, HangupCause.UNKNOWN);
                events().softHangupRequest(residentSide, SOFT_HANGUP);
                hangupChannel(residentSide, HangupCause.UNKNOWN);
            }
            hangupChannel(surveySide, HangupCause.UNKNOWN);
            finish();
            return;
        }
        surveyPbx = true;
        context = engine.dialplan().surveyContext(request.context()).orElse(null);
        if (context == null) {
            log.warn("Channel '{}' sent to invalid extension: context,exten,priority={},{},{}", surveySide.name(),
                    request.context(), request.exten(), request.priority());
            hangUpFromSurveySide(SOFT_HANGUP, HangupCause.NORMAL_CLEARING, HangupCause.NORMAL_CLEARING);
            return;
        }
        runFrom(request.priority());
    }

    /** Runs the survey context from {@code priority} until an application that takes time, or the end. */
    private void runFrom(int priority) {
        int current = priority;
        while (phase == Phase.UP && death == null) {
            Optional<Dialplan.App> next = context.at(current);
            if (next.isEmpty()) {
                // falling off the end of an extension hangs up as Hangup() would
                hangUpFromSurveySide(SOFT_HANGUP, HangupCause.NORMAL_CLEARING, HangupCause.NORMAL_CLEARING);
                return;
            }
            Dialplan.App app = next.get();
            surveySide.location(request.context(), request.exten(), current);
            String data = ChannelVariables.expand(this, app.data());
            surveySide.application(app.name(), data);
            events().newExten(surveySide, app.name(), data);
            int following = current + 1;
            switch (app.name().toLowerCase(Locale.ROOT)) {
                case "set" -> {
                    int equals = data.indexOf('=');
                    if (equals > 0) {
                        setVariable(data.substring(0, equals), data.substring(equals + 1));
                    }
                }
                case "wait" -> {
                    pending = engine.schedule(seconds(data), () -> resume(following));
                    return;
                }
                case "playback" -> {
                    Optional<Duration> length = engine.sounds().length(data.split(",")[0]);
                    if (length.isEmpty()) {
                        log.warn("File {} does not exist in any format", data);
                        setVariable("PLAYBACKSTATUS", "FAILED");
                        break;
                    }
                    pending = engine.schedule(length.get(), () -> played(following));
                    return;
                }
                case "amd" -> {
                    Amd amd = Amd.of(resident);
                    pending = engine.schedule(amd.listened(), () -> detected(amd, following));
                    return;
                }
                case "agi" -> {
                    startAgi(data, current, following);
                    return;
                }
                case "hangup" -> {
                    HangupCause cause = data.isBlank() ? HangupCause.NORMAL_CLEARING
                            : HangupCause.ofCode(parseInt(data, HangupCause.NORMAL_CLEARING.code()));
                    hangUpFromSurveySide(SOFT_HANGUP, cause, cause);
                    return;
                }
                default -> {
                    // NoOp, Log, Verbose, Answer: nothing more to do on an answered channel
                }
            }
            current = following;
        }
    }

    private synchronized void resume(int priority) {
        if (phase == Phase.UP && death == null) {
            runFrom(priority);
        }
    }

    private synchronized void played(int priority) {
        if (phase == Phase.UP && death == null) {
            setVariable("PLAYBACKSTATUS", "SUCCESS");
            runFrom(priority);
        }
    }

    private synchronized void detected(Amd amd, int priority) {
        if (phase == Phase.UP && death == null) {
            setVariable("AMDSTATUS", amd.status());
            setVariable("AMDCAUSE", amd.cause());
            runFrom(priority);
        }
    }

    private void startAgi(String data, int priority, int following) {
        URI url;
        try {
            url = new Dialplan.Agi(URI.create(data.split(",")[0].trim()), priority).url();
        } catch (IllegalArgumentException e) {
            // Asterisk cannot run a malformed AGI URL either: AGISTATUS=FAILURE, and the dialplan goes on.
            setVariable("AGISTATUS", "FAILURE");
            runFrom(following);
            return;
        }
        afterAgi = following;
        agiRunning = true;
        engine.surveyRunner().start(this, new Dialplan.Agi(url, priority));
    }

    /** Originate with Application instead of Context: the survey half runs it without a dialplan thread. */
    private void runApplication() {
        String application = request.application();
        String data = request.data();
        surveySide.application(application, data);
        switch (application.toLowerCase(Locale.ROOT)) {
            case "agi" -> {
                try {
                    URI url = new Dialplan.Agi(URI.create(data.split(",")[0].trim()), 1).url();
                    afterAgi = -1;
                    agiRunning = true;
                    engine.surveyRunner().start(this, new Dialplan.Agi(url, 1));
                } catch (IllegalArgumentException e) {
                    setVariable("AGISTATUS", "FAILURE");
                    applicationEnded();
                }
            }
            case "playback" -> {
                Optional<Duration> length = engine.sounds().length(data.split(",")[0]);
                if (length.isEmpty()) {
                    setVariable("PLAYBACKSTATUS", "FAILED");
                    applicationEnded();
                } else {
                    pending = engine.schedule(length.get(), () -> {
                        synchronized (this) {
                            if (phase == Phase.UP && death == null) {
                                setVariable("PLAYBACKSTATUS", "SUCCESS");
                                applicationEnded();
                            }
                        }
                    });
                }
            }
            case "wait" -> pending = engine.schedule(seconds(data), () -> {
                synchronized (this) {
                    if (phase == Phase.UP && death == null) {
                        applicationEnded();
                    }
                }
            });
            default -> applicationEnded();
        }
    }

    /** An application run by Originate returned: Asterisk hangs the call up with cause 0 (ami-11). */
    private void applicationEnded() {
        if (isLocal()) {
            events().hangupRequest(residentSide, HangupCause.UNKNOWN);
        }
        hangupChannel(surveySide, HangupCause.UNKNOWN);
        if (isLocal()) {
            events().softHangupRequest(residentSide, SOFT_HANGUP);
            hangupChannel(residentSide, HangupCause.UNKNOWN);
        }
        finish();
    }

    /**
     * The survey half hangs the call up while alive ({@code Hangup()} in its dialplan): SoftHangupRequest and
     * Hangup on {@code ;1}, and the far half follows (ami-12, ami-23).
     */
    private void hangUpFromSurveySide(int softCause, HangupCause surveyCause, HangupCause residentCause) {
        events().softHangupRequest(surveySide, softCause);
        if (isLocal()) {
            events().hangupRequest(residentSide, residentCause);
        }
        hangupChannel(surveySide, surveyCause);
        if (isLocal()) {
            events().softHangupRequest(residentSide, SOFT_HANGUP);
            hangupChannel(residentSide, residentCause);
        }
        finish();
    }

    /** Ends an answered call whose survey side is dead, once nothing runs on it any more. */
    private void closeDead() {
        switch (death) {
            case SURVEY -> {
                // AGI HANGUP: both halves go with cause 0 once the script's socket closes (ami-15, ami-25, ami-28)
                HangupCause cause = isLocal() ? HangupCause.UNKNOWN : HangupCause.NORMAL_CLEARING;
                hangUpFromSurveySide(SOFT_HANGUP, cause, cause);
            }
            case RESIDENT -> {
                // the far half is gone already; the survey half follows when its script ends (ami-26)
                events().softHangupRequest(surveySide, SOFT_HANGUP);
                hangupChannel(surveySide, deathCause);
                hangupChannel(residentSide, deathCause);
                finish();
            }
            case MANAGER -> {
                hangupChannel(surveySide, deathCause);
                if (isLocal() && !residentSide.hungUp()) {
                    events().softHangupRequest(residentSide, SOFT_HANGUP);
                    hangupChannel(residentSide, deathCause);
                }
                finish();
            }
        }
    }

    /** The resident hangs up on an answered call. */
    void residentHangsUp() {
        synchronized (this) {
            if (phase != Phase.UP || death != null) {
                return;
            }
            death = Death.RESIDENT;
            deathCause = HangupCause.NORMAL_CLEARING;
            if (isLocal()) {
                events().newExten(residentSide, "Hangup", "");
                events().softHangupRequest(residentSide, SOFT_HANGUP);
                events().hangupRequest(surveySide, HangupCause.NORMAL_CLEARING);
                hangupChannel(residentSide, HangupCause.NORMAL_CLEARING);
            } else {
                events().hangupRequest(surveySide, HangupCause.NORMAL_CLEARING);
            }
            if (!agiRunning) {
                cancelPending();
                closeDead();
            }
        }
        dead.complete(null);
    }

    /** AMI Hangup of one of this call's channels. */
    void hangupByManager(Channel channel, HangupCause cause) {
        synchronized (this) {
            if (phase == Phase.ENDED) {
                return;
            }
            if (phase != Phase.UP) {
                cancelPending();
                events().hangupRequest(channel, cause);
                respondFailure(OriginateReason.HANGUP);
                if (isLocal()) {
                    hangupChannel(residentSide, cause);
                }
                hangupChannel(surveySide, cause);
                finish();
                return;
            }
            if (death != null) {
                return;
            }
            death = Death.MANAGER;
            deathCause = cause;
            if (channel == residentSide) {
                events().softHangupRequest(residentSide, SOFT_HANGUP);
                events().hangupRequest(surveySide, cause);
                hangupChannel(residentSide, cause);
            } else {
                if (request.application() == null) {
                    // a dialplan thread is told to stop; an application run by Originate has none (ami-27-app)
                    events().softHangupRequest(surveySide, SOFT_HANGUP);
                }
                if (isLocal()) {
                    events().hangupRequest(residentSide, cause);
                }
            }
            if (!agiRunning) {
                cancelPending();
                closeDead();
            }
        }
        dead.complete(null);
    }

    @Override
    public void hangupBySurvey() {
        synchronized (this) {
            if (phase != Phase.UP || death != null) {
                return;
            }
            death = Death.SURVEY;
            deathCause = isLocal() ? HangupCause.UNKNOWN : HangupCause.NORMAL_CLEARING;
            events().softHangupRequest(surveySide, SOFT_HANGUP_BY_AGI);
        }
        dead.complete(null);
    }

    @Override
    public void surveyEnded(boolean agiFailed) {
        synchronized (this) {
            if (phase == Phase.ENDED) {
                return;
            }
            agiRunning = false;
            String status = agiFailed ? "FAILURE" : death != null ? "HANGUP" : agiCommandFailed ? "FAILURE" : "SUCCESS";
            setVariable("AGISTATUS", status);
            if (death != null) {
                closeDead();
            } else if (afterAgi < 0) {
                applicationEnded();
            } else {
                runFrom(afterAgi);
            }
        }
    }

    /** Ends the call after an unexpected failure of the simulator itself, so no call is ever left hanging. */
    synchronized void abort() {
        if (phase == Phase.ENDED) {
            return;
        }
        if (surveySide != null) {
            hangupChannel(surveySide, HangupCause.NORMAL_CLEARING);
        }
        if (residentSide != null) {
            hangupChannel(residentSide, HangupCause.NORMAL_CLEARING);
        }
        finish();
    }

    // ------------------------------------------------------------------ ending

    /** Releases the call once all its events are out: no more events follow. */
    private void finish() {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.ENDED;
        cancelPending();
        if (residentHangup != null) {
            residentHangup.cancel(false);
        }
        if (farPbx) {
            farPbx = false;
            engine.endPbx();
        }
        if (surveyPbx) {
            surveyPbx = false;
            engine.endPbx();
        }
        respondFailure(OriginateReason.FAILURE);
        if (request.channelId() != null) {
            engine.forgetReservation(request.channelId());
        }
        engine.release(this);
        dead.complete(null);
    }

    private void hangupChannel(Channel channel, HangupCause cause) {
        if (channel == null || channel.hungUp()) {
            return;
        }
        channel.markHungUp();
        events().hangup(channel, cause);
        engine.forget(channel);
        if (channel == residentSide && farPbx) {
            farPbx = false;
            engine.endPbx();
        }
        if (channel == surveySide && surveyPbx) {
            surveyPbx = false;
            engine.endPbx();
        }
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private static Duration seconds(String text) {
        try {
            return Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(text.trim()) * 1000)));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static int parseInt(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    // ------------------------------------------------------------------ LiveCall

    @Override
    public synchronized Channel channel() {
        return surveySide;
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
        events().varSet(surveySide, name, value);
    }

    @Override
    public synchronized void agiExecStart(long commandId, String command) {
        events().agiExecStart(surveySide, commandId, command);
    }

    @Override
    public synchronized void agiExecEnd(long commandId, String command, int resultCode, String result) {
        if (resultCode == -1 && death == null) {
            // a command that failed on a live channel (a missing sound, an unwritable recording) makes the
            // script's AGISTATUS FAILURE (agi-23, agi-24)
            agiCommandFailed = true;
        }
        events().agiExecEnd(surveySide, commandId, command, resultCode, result);
    }

    @Override
    public synchronized void keyPressed(char digit, Duration length) {
        events().dtmfBegin(surveySide, digit);
        events().dtmfEnd(surveySide, digit, length);
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
