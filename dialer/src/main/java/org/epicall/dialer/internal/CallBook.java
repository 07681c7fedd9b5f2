package org.epicall.dialer.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.epicall.dialer.agi.SessionFaults;
import org.epicall.dialer.agi.SurveyCall;
import org.epicall.dialer.agi.SurveyCallRegistry;
import org.epicall.dialer.ami.Backoff;
import org.epicall.dialer.ami.PbxEvents;
import org.epicall.dialer.outcome.OutcomeClassifier;
import org.epicall.dialer.pacing.PacingGate;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.DialRequest;
import org.epicall.survey.call.SurveyResponse;
import org.epicall.survey.call.SurveyStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live attempts of a node and the rules that end them. AMI events (from each server's event
 * thread), AGI sessions and the watchdog all meet here; whoever ends an attempt first reports it,
 * exactly once.
 *
 * <p>A failed OriginateResponse that gives no reason (Reason 0) is not classified at once: Asterisk
 * may send it before the HangupRequest that carries the cause (ami-21), so the attempt waits for that
 * cause, for its own channel's Hangup (after which nothing more comes), or for the cause grace. If its
 * channels hung up with no cause (0), Asterisk refused the call itself (maxcalls, maxload, an unknown
 * context; ami-07, ami-27) and never rang the resident: the server backs off, and the attempt is dialed
 * again as a new try, elsewhere or later, without being reported. If nothing at all came, it is FAILED.
 *
 * <p>Calls in flight on a lost AMI session are not ended at once: Asterisk keeps ringing them, an
 * answered one still reaches the AGI server, and OriginateResponse/Hangup events are broadcast to
 * every AMI session, so the reconnected session may still see them (correlated by ChannelId). Each
 * such call gets a deadline of one ring timeout plus the response grace; if nothing resolves it by
 * then it ends as UNREACHABLE_SERVER. It keeps its channel in the pacing gate until then, so a
 * server that comes back is never overfilled.
 */
public final class CallBook implements PbxEvents, SurveyCallRegistry {

    private static final Logger log = LoggerFactory.getLogger(CallBook.class);

    private final Map<String, LiveCall> live = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refusalsInARow = new ConcurrentHashMap<>();
    private final PacingGate gate;
    private final ResultDelivery delivery;
    private final DialerMetrics metrics;
    private final InstantSource clock;
    private final Timings timings;
    private final Faults faults;
    private final Runnable capacityFreed;
    private volatile Consumer<LiveCall> redial = call -> {
    };

    /**
     * @param ringTimeout      how long a call may ring
     * @param responseGrace    how long after the ring timeout the PBX may take to report back
     * @param surveyStartGrace how long an answered call may wait for its AGI session
     * @param causeGrace       how long a Reason 0 failure may wait for its cause
     * @param refusalBackoff   how long a server that refused calls for its own limits gets no new ones
     */
    record Timings(Duration ringTimeout, Duration responseGrace, Duration surveyStartGrace, Duration causeGrace,
                   Backoff refusalBackoff) {
    }

    CallBook(PacingGate gate, ResultDelivery delivery, DialerMetrics metrics, InstantSource clock, Timings timings,
            Faults faults, Runnable capacityFreed) {
        this.gate = gate;
        this.delivery = delivery;
        this.metrics = metrics;
        this.clock = clock;
        this.timings = timings;
        this.faults = faults;
        this.capacityFreed = capacityFreed;
    }

    /** Where an attempt goes to be dialed again after a server refused it. */
    void redialWith(Consumer<LiveCall> requeue) {
        this.redial = requeue;
    }

    LiveCall add(DialRequest request) {
        LiveCall call = new LiveCall(request);
        live.put(request.attemptId(), call);
        return call;
    }

    int size() {
        return live.size();
    }

    Collection<LiveCall> calls() {
        return live.values();
    }

    Instant responseDeadline(Instant from) {
        return from.plus(timings.ringTimeout()).plus(timings.responseGrace());
    }

    // ---- AMI ---------------------------------------------------------------------------------

    @Override
    public void linkUp(String server) {
        gate.setUp(server, true);
        capacityFreed.run();
    }

    @Override
    public void linkDown(String server, String reason) {
        gate.setUp(server, false);
        metrics.linkDown(server);
        Instant deadline = responseDeadline(clock.instant());
        int inFlight = 0;
        for (LiveCall call : live.values()) {
            if (server.equals(call.server()) && (call.stage() == LiveCall.Stage.ORIGINATED
                    || call.stage() == LiveCall.Stage.ANSWERED)) {
                call.expectBy(deadline, "the AMI session with " + server + " was lost (" + reason
                        + ") before the call reported back");
                inFlight++;
            }
        }
        log.warn("AMI session with {} lost ({}); {} calls in flight wait until {} for an answer, an event "
                + "on the reconnected session, or end as UNREACHABLE_SERVER", server, reason, inFlight, deadline);
    }

    @Override
    public void originateRefused(String server, String actionId, String message) {
        LiveCall call = currentTry(actionId);
        if (call != null) {
            finish(call, CallOutcome.FAILED, "Asterisk " + server + " refused the originate: " + message, null);
        }
    }

    @Override
    public void originateResult(String server, OriginateResult result) {
        LiveCall call = currentTry(result.uniqueId());
        if (call == null) {
            call = currentTry(result.actionId());
        }
        if (call == null) {
            return; // another dialer's call, or an earlier try: OriginateResponse goes to every AMI session
        }
        Instant now = clock.instant();
        Instant sent = call.originatedAt();
        if (sent != null) {
            metrics.originateResponse(Duration.between(sent, now));
        }
        if (result.success()) {
            refusalsInARow.remove(server);
            call.answered(now, now.plus(timings.surveyStartGrace()));
            return;
        }
        if (OutcomeClassifier.needsCause(result.reason(), call.cause()) && !call.isChannelHungUp()
                && call.failedAwaitingCause(result.reason(), now.plus(timings.causeGrace()))) {
            return;
        }
        failed(call, server, result.reason());
    }

    @Override
    public void hangupRequest(String server, ChannelHangup request) {
        LiveCall call = callOf(request);
        if (call == null) {
            return;
        }
        call.hangupCause(request.cause());
        if (call.stage() == LiveCall.Stage.FAILED_AWAITING_CAUSE
                && !OutcomeClassifier.needsCause(call.failureReason(), call.cause())) {
            failed(call, server, call.failureReason());
        }
    }

    @Override
    public void hangup(String server, ChannelHangup hangup) {
        LiveCall call = callOf(hangup);
        if (call == null) {
            return;
        }
        call.hangupCause(hangup.cause());
        boolean own = CallIds.isPrimary(hangup.uniqueId());
        if (own) {
            call.channelHungUp();
        }
        LiveCall.Stage stage = call.stage();
        if (stage == LiveCall.Stage.FAILED_AWAITING_CAUSE
                && (own || !OutcomeClassifier.needsCause(call.failureReason(), call.cause()))) {
            failed(call, server, call.failureReason());
        } else if (own && stage == LiveCall.Stage.ANSWERED) {
            Integer cause = hangup.cause();
            if (cause != null && cause == 0) {
                // answered, then dropped with no cause before any dialplan ran: Asterisk could not start the
                // survey's dialplan past its maxcalls/maxload (ami-27); the resident is not to blame
                backOff(server);
                finish(call, CallOutcome.UNREACHABLE_SERVER, "answered, but Asterisk " + server + " dropped the call "
                        + "(cause 0) before the survey started: its maxcalls or maxload limit refused the survey's "
                        + "dialplan", null);
            } else {
                finishWithoutSurvey(call, "answered, but the call ended before the survey's AGI session started");
            }
        }
    }

    /** The live attempt an event of its current try names; events of earlier tries are ignored. */
    private LiveCall currentTry(String uniqueIdOrActionId) {
        String attemptId = CallIds.attemptOf(uniqueIdOrActionId);
        LiveCall call = attemptId == null ? null : live.get(attemptId);
        return call != null && call.isCurrentTry(uniqueIdOrActionId) ? call : null;
    }

    private LiveCall callOf(ChannelHangup event) {
        LiveCall call = currentTry(event.uniqueId());
        return call != null ? call : currentTry(event.linkedId());
    }

    /** Ends a failed originate with its outcome, or, if the server refused it, dials it again. */
    private void failed(LiveCall call, String server, Integer reason) {
        if (!call.closeTry()) {
            return;
        }
        Integer cause = call.cause();
        // only channels that hung up with no cause say the server refused; silence alone (events late, or
        // lost) might hide a resident's refusal, which must not be dialed again
        if (OutcomeClassifier.isServerRefusal(reason, cause) && call.isHangupSeen()) {
            refusedByServer(call, server, reason);
            return;
        }
        refusalsInARow.remove(server);
        CallOutcome outcome = OutcomeClassifier.classify(false, reason, cause);
        finish(call, outcome, "OriginateResponse Failure, Reason " + reason
                + (cause == null ? ", no cause" : ", cause " + cause), null);
    }

    private void refusedByServer(LiveCall call, String server, Integer reason) {
        Duration backoff = backOff(server);
        PacingGate.Lease lease = call.lease();
        Instant retryBy = clock.instant().plus(backoff);
        boolean inWindow = call.request.notAfter() == null || call.request.notAfter().isAfter(retryBy);
        String what = "Asterisk " + server + " refused the call itself (Reason " + reason + ", no cause; its maxcalls or "
                + "maxload limit, or a dialplan or ChannelId problem) without ringing the resident";
        if (!inWindow || !call.retryAfterRefusal()) {
            finish(call, CallOutcome.UNREACHABLE_SERVER, what + "; gave up after " + call.tries() + " tries", null);
            return;
        }
        log.warn("{} (attempt {}, try {}); {} gets no new calls for {} ms, the attempt is dialed again", what,
                call.attemptId(), call.tries() - 1, server, backoff.toMillis());
        if (lease != null) {
            gate.release(lease);
        }
        capacityFreed.run();
        redial.accept(call);
    }

    /** Backs a refusing server off, longer each time it refuses in a row. */
    private Duration backOff(String server) {
        int inARow = refusalsInARow.computeIfAbsent(server, s -> new AtomicInteger()).getAndIncrement();
        Duration backoff = timings.refusalBackoff().delay(inARow);
        gate.backOff(server, backoff.toNanos());
        metrics.serverRefusal(server);
        return backoff;
    }

    // ---- AGI ---------------------------------------------------------------------------------

    @Override
    public Optional<SurveyCall> begin(String attemptId) {
        LiveCall call = attemptId == null ? null : live.get(attemptId);
        if (call == null || call.isEnded() || !call.beginSurvey(clock.instant())) {
            return Optional.empty();
        }
        DialRequest r = call.request;
        return Optional.of(new SurveyCall(r.attemptId(), r.campaignId(), r.contactRef(), r.questionnaireId(),
                r.language(), call.server(), r.questionnaireVersion()));
    }

    @Override
    public void surveyEnded(String attemptId, SurveyResponse response) {
        LiveCall call = live.get(attemptId);
        if (call == null) {
            log.error("Survey for attempt {} ended but the attempt is no longer live; survey: {}", attemptId, response);
            return;
        }
        finish(call, CallOutcome.ANSWERED, "survey " + response.status().name().toLowerCase(), response);
    }

    @Override
    public void answeredByMachine(String attemptId, String amdCause) {
        LiveCall call = live.get(attemptId);
        if (call != null) {
            finish(call, CallOutcome.MACHINE, "an answering machine took the call (AMD: MACHINE, " + amdCause + ")",
                    null);
        }
    }

    @Override
    public void campaignFault(String attemptId, SurveyResponse soFar) {
        LiveCall call = live.get(attemptId);
        if (call != null) {
            finish(call, CallOutcome.CAMPAIGN_FAULT, "the survey stopped at " + soFar.stoppedAt() + ": a prompt of "
                    + "the campaign is not installed on Asterisk " + call.server(), soFar);
        }
    }

    @Override
    public SessionFaults faults(String attemptId) {
        LiveCall call = live.get(attemptId);
        String server = call == null ? "?" : call.server();
        DialRequest request = call == null ? null : call.request;
        return new SessionFaults() {
            @Override
            public void promptMissing(String prompt) {
                if (request != null) {
                    faults.promptMissing(request.questionnaireId(), request.language(), prompt, server);
                }
            }

            @Override
            public void recordingFailed(Path file) {
                faults.recordingFailed(file, server);
            }

            @Override
            public void recordingWritten(Path file) {
                faults.recordingWritten(file);
            }
        };
    }

    // ---- ending ------------------------------------------------------------------------------

    /** Ends every attempt whose deadline passed. */
    void sweep() {
        Instant now = clock.instant();
        for (LiveCall call : List.copyOf(live.values())) {
            if (!call.overdue(now)) {
                continue;
            }
            switch (call.stage()) {
                case ANSWERED -> finishWithoutSurvey(call, call.deadlineReason());
                case FAILED_AWAITING_CAUSE -> failed(call, call.server(), call.failureReason());
                case ORIGINATED -> {
                    Integer cause = call.cause();
                    CallOutcome outcome = cause == null ? CallOutcome.UNREACHABLE_SERVER
                            : OutcomeClassifier.byCause(cause);
                    finish(call, outcome, call.deadlineReason(), null);
                }
                default -> {
                }
            }
        }
    }

    void finishWithoutSurvey(LiveCall call, String detail) {
        Instant now = clock.instant();
        DialRequest r = call.request;
        Instant started = call.answeredAt() == null ? now : call.answeredAt();
        SurveyResponse empty = new SurveyResponse(r.attemptId(), r.campaignId(), r.contactRef(), r.questionnaireId(),
                r.language(), SurveyStatus.PARTIAL, null, started, now, List.of(), List.of());
        finish(call, CallOutcome.ANSWERED, detail, empty);
    }

    /** Ends a call that was never originated (expired in the queue, or the node is closing). */
    void finishUndialed(LiveCall call, CallOutcome outcome, String detail) {
        finish(call, outcome, detail, null);
    }

    /** Why a queued attempt must not be dialed now, if the setup is known to be broken for it. */
    Optional<String> blocked(LiveCall call) {
        return faults.blocks(call.request);
    }

    private void finish(LiveCall call, CallOutcome outcome, String detail, SurveyResponse survey) {
        if (!call.end()) {
            return;
        }
        live.remove(call.attemptId(), call);
        PacingGate.Lease lease = call.takeLease();
        if (lease != null) {
            gate.release(lease);
            capacityFreed.run();
        }
        DialRequest r = call.request;
        AttemptResult result = new AttemptResult(r.attemptId(), r.campaignId(), r.contactRef(), outcome, call.cause(),
                lease == null ? null : lease.server(), call.originatedAt(),
                outcome == CallOutcome.ANSWERED || outcome == CallOutcome.MACHINE ? call.answeredAt() : null,
                clock.instant(), detail);
        metrics.outcome(outcome);
        delivery.deliver(survey, result);
    }
}
