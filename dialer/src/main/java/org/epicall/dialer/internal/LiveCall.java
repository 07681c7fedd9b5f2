package org.epicall.dialer.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.epicall.dialer.pacing.PacingGate;
import org.epicall.survey.call.DialRequest;
import org.epicall.dialer.outcome.OutcomeClassifier;

/**
 * One accepted attempt from submission to its result. Its fields change under its own monitor;
 * {@link #end} flips once, so exactly one result is ever reported.
 */
final class LiveCall {

    enum Stage {
        /** Waiting for pacing. */
        QUEUED,
        /** Originate sent; waiting for the OriginateResponse. */
        ORIGINATED,
        /** Answered; waiting for the survey's AGI session. */
        ANSWERED,
        /** The AGI session owns the call. */
        SURVEY
    }

    final DialRequest request;
    final String channelId;
    private final AtomicBoolean ended = new AtomicBoolean();
    private Stage stage = Stage.QUEUED;
    private PacingGate.Lease lease;
    private Instant originatedAt;
    private Instant answeredAt;
    private Integer cause;
    private Instant deadline;
    private String deadlineReason;

    LiveCall(DialRequest request) {
        this.request = request;
        this.channelId = CallIds.channelId(request.attemptId());
    }

    String attemptId() {
        return request.attemptId();
    }

    synchronized Stage stage() {
        return stage;
    }

    synchronized void originated(PacingGate.Lease lease, Instant at, Instant responseDeadline) {
        this.lease = lease;
        this.originatedAt = at;
        this.stage = Stage.ORIGINATED;
        expectBy(responseDeadline, "the PBX did not report back on the originate");
    }

    /** Back to the queue: the originate was never written because its server was down. */
    synchronized void requeued() {
        lease = null;
        originatedAt = null;
        stage = Stage.QUEUED;
        deadline = null;
    }

    synchronized PacingGate.Lease lease() {
        return lease;
    }

    synchronized String server() {
        return lease == null ? null : lease.server();
    }

    synchronized Instant originatedAt() {
        return originatedAt;
    }

    synchronized Instant answeredAt() {
        return answeredAt;
    }

    /** @return false if the call was past ringing already */
    synchronized boolean answered(Instant at, Instant surveyDeadline) {
        if (answeredAt == null) {
            answeredAt = at;
        }
        if (stage == Stage.ORIGINATED || stage == Stage.QUEUED) {
            stage = Stage.ANSWERED;
            expectBy(surveyDeadline, "answered, but the survey's AGI session never started");
            return true;
        }
        return false;
    }

    /** @return false if the call already has a survey session */
    synchronized boolean beginSurvey(Instant at) {
        if (stage == Stage.SURVEY) {
            return false;
        }
        if (answeredAt == null) {
            answeredAt = at;
        }
        stage = Stage.SURVEY;
        deadline = null;
        return true;
    }

    synchronized void hangupCause(Integer candidate) {
        if (OutcomeClassifier.moreSpecific(candidate, cause)) {
            cause = candidate;
        }
    }

    synchronized Integer cause() {
        return cause;
    }

    /** Sets a time by which the next event must come, unless the survey session owns the call. */
    synchronized void expectBy(Instant when, String reason) {
        if (stage != Stage.SURVEY) {
            deadline = when;
            deadlineReason = reason;
        }
    }

    synchronized boolean overdue(Instant now) {
        return deadline != null && now.isAfter(deadline);
    }

    synchronized String deadlineReason() {
        return deadlineReason;
    }

    /** @return true exactly once: for the caller that gets to report the result */
    boolean end() {
        return ended.compareAndSet(false, true);
    }

    boolean isEnded() {
        return ended.get();
    }
}
