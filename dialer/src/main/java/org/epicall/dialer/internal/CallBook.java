package org.epicall.dialer.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.epicall.dialer.agi.SurveyCall;
import org.epicall.dialer.agi.SurveyCallRegistry;
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
    private final PacingGate gate;
    private final ResultDelivery delivery;
    private final DialerMetrics metrics;
    private final InstantSource clock;
    private final Duration ringTimeout;
    private final Duration responseGrace;
    private final Duration surveyStartGrace;
    private final Runnable capacityFreed;

    CallBook(PacingGate gate, ResultDelivery delivery, DialerMetrics metrics, InstantSource clock,
            Duration ringTimeout, Duration responseGrace, Duration surveyStartGrace, Runnable capacityFreed) {
        this.gate = gate;
        this.delivery = delivery;
        this.metrics = metrics;
        this.clock = clock;
        this.ringTimeout = ringTimeout;
        this.responseGrace = responseGrace;
        this.surveyStartGrace = surveyStartGrace;
        this.capacityFreed = capacityFreed;
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
        return from.plus(ringTimeout).plus(responseGrace);
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
            if (server.equals(call.server()) && call.stage() != LiveCall.Stage.SURVEY
                    && call.stage() != LiveCall.Stage.QUEUED) {
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
        String attemptId = CallIds.attemptOf(actionId);
        LiveCall call = attemptId == null ? null : live.get(attemptId);
        if (call != null) {
            finish(call, CallOutcome.FAILED, "Asterisk " + server + " refused the originate: " + message, null);
        }
    }

    @Override
    public void originateResult(String server, OriginateResult result) {
        String attemptId = CallIds.attemptOf(result.uniqueId());
        if (attemptId == null) {
            attemptId = CallIds.attemptOf(result.actionId());
        }
        LiveCall call = attemptId == null ? null : live.get(attemptId);
        if (call == null) {
            return; // another dialer's call: OriginateResponse goes to every AMI session
        }
        Instant now = clock.instant();
        Instant sent = call.originatedAt();
        if (sent != null) {
            metrics.originateResponse(Duration.between(sent, now));
        }
        if (result.success()) {
            call.answered(now, now.plus(surveyStartGrace));
            return;
        }
        CallOutcome outcome = OutcomeClassifier.classify(false, result.reason(), call.cause());
        finish(call, outcome, "OriginateResponse Failure, Reason " + result.reason(), null);
    }

    @Override
    public void hangup(String server, ChannelHangup hangup) {
        String attemptId = CallIds.attemptOf(hangup.uniqueId());
        if (attemptId == null) {
            attemptId = CallIds.attemptOf(hangup.linkedId());
        }
        LiveCall call = attemptId == null ? null : live.get(attemptId);
        if (call == null) {
            return;
        }
        call.hangupCause(hangup.cause());
        if (CallIds.isPrimary(hangup.uniqueId()) && call.stage() == LiveCall.Stage.ANSWERED) {
            finishWithoutSurvey(call, "answered, but the call ended before the survey's AGI session started");
        }
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
                r.language(), r.questionnaireVersion()));
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

    // ---- ending ------------------------------------------------------------------------------

    /** Ends every attempt whose deadline passed. */
    void sweep() {
        Instant now = clock.instant();
        for (LiveCall call : List.copyOf(live.values())) {
            if (!call.overdue(now)) {
                continue;
            }
            if (call.stage() == LiveCall.Stage.ANSWERED) {
                finishWithoutSurvey(call, call.deadlineReason());
            } else if (call.stage() == LiveCall.Stage.ORIGINATED) {
                Integer cause = call.cause();
                CallOutcome outcome = cause == null ? CallOutcome.UNREACHABLE_SERVER : OutcomeClassifier.byCause(cause);
                finish(call, outcome, call.deadlineReason(), null);
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

    private void finish(LiveCall call, CallOutcome outcome, String detail, SurveyResponse survey) {
        if (!call.end()) {
            return;
        }
        live.remove(call.attemptId(), call);
        PacingGate.Lease lease = call.lease();
        if (lease != null) {
            gate.release(lease);
            capacityFreed.run();
        }
        DialRequest r = call.request;
        AttemptResult result = new AttemptResult(r.attemptId(), r.campaignId(), r.contactRef(), outcome, call.cause(),
                call.server(), call.originatedAt(), outcome == CallOutcome.ANSWERED ? call.answeredAt() : null,
                clock.instant(), detail);
        metrics.outcome(outcome);
        delivery.deliver(outcome == CallOutcome.ANSWERED ? survey : null, result);
    }
}
