package org.epicall.dialer.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.epicall.dialer.pacing.PacingGate;
import org.epicall.survey.call.DialRequest;
import org.epicall.dialer.outcome.OutcomeClassifier;

/**
 * One accepted attempt from submission to its result. Its fields change under its own monitor;
 * {@link #end} flips once, so exactly one result is ever reported.
 *
 * <p>An attempt may be dialed more than once when Asterisk refuses it for its own limits before the
 * resident's phone rings: each dial is a new try with its own ChannelId, so late events of an earlier
 * try are told apart and ignored.
 */
final class LiveCall {

    /** Tries an attempt may take (ChannelIds carry the try as one digit). */
    static final int MAX_TRIES = 10;

    enum Stage {
        /** Waiting for pacing. */
        QUEUED,
        /** Originate sent; waiting for the OriginateResponse. */
        ORIGINATED,
        /**
         * The OriginateResponse said Failure without saying why (Reason 0); waiting for the hangup event
         * that carries the cause, which Asterisk may send after it.
         */
        FAILED_AWAITING_CAUSE,
        /** The try failed and is being ended or dialed again; nothing more may happen to it. */
        CLOSING,
        /** Answered; waiting for the survey's AGI session. */
        ANSWERED,
        /** The AGI session owns the call. */
        SURVEY
    }

    final DialRequest request;
    private final AtomicBoolean ended = new AtomicBoolean();
    private Stage stage = Stage.QUEUED;
    private int tries;
    private String channelId;
    private PacingGate.Lease lease;
    private Instant originatedAt;
    private Instant answeredAt;
    private Integer cause;
    private Integer failureReason;
    private boolean channelHungUp;
    private boolean hangupSeen;
    private Instant deadline;
    private String deadlineReason;

    LiveCall(DialRequest request) {
        this.request = request;
        this.channelId = CallIds.channelId(request.attemptId(), 0);
    }

    String attemptId() {
        return request.attemptId();
    }

    synchronized Stage stage() {
        return stage;
    }

    /** The ChannelId of the current try. */
    synchronized String channelId() {
        return channelId;
    }

    /** Whether an event with this ChannelId (or its {@code ;2} half) belongs to the current try. */
    synchronized boolean isCurrentTry(String uniqueIdOrActionId) {
        return CallIds.tryOf(uniqueIdOrActionId) == tries;
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

    /**
     * Claims a failed try for the one caller that ends it or dials it again: AMI events and the watchdog
     * may both find it failed.
     *
     * @return true once per try, while it is failing (originated or awaiting its cause)
     */
    synchronized boolean closeTry() {
        if (isEnded() || (stage != Stage.ORIGINATED && stage != Stage.FAILED_AWAITING_CAUSE)) {
            return false;
        }
        stage = Stage.CLOSING;
        deadline = null;
        return true;
    }

    /**
     * Back to the queue for another try, after the PBX refused this one before ringing anyone. Only for a
     * try {@link #closeTry() closed} by the caller.
     *
     * @return false if the attempt has used up its tries, or ended meanwhile
     */
    synchronized boolean retryAfterRefusal() {
        if (isEnded() || stage != Stage.CLOSING || tries + 1 >= MAX_TRIES) {
            return false;
        }
        tries++;
        channelId = CallIds.channelId(request.attemptId(), tries);
        lease = null;
        originatedAt = null;
        cause = null;
        failureReason = null;
        channelHungUp = false;
        hangupSeen = false;
        stage = Stage.QUEUED;
        deadline = null;
        return true;
    }

    synchronized int tries() {
        return tries + 1;
    }

    synchronized PacingGate.Lease lease() {
        return lease;
    }

    /** Takes the lease away, for the caller to release it. */
    synchronized PacingGate.Lease takeLease() {
        PacingGate.Lease held = lease;
        lease = null;
        return held;
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

    /**
     * The OriginateResponse said Failure for {@code reason} and its cause has not come yet.
     *
     * @return false if the call is not waiting for its response any more
     */
    synchronized boolean failedAwaitingCause(Integer reason, Instant until) {
        if (stage != Stage.ORIGINATED) {
            return false;
        }
        failureReason = reason;
        stage = Stage.FAILED_AWAITING_CAUSE;
        expectBy(until, "the PBX did not say why the originate failed");
        return true;
    }

    synchronized Integer failureReason() {
        return failureReason;
    }

    /** A HangupRequest or Hangup of either half of this try, with its cause. */
    synchronized void hangupCause(Integer candidate) {
        hangupSeen = true;
        if (OutcomeClassifier.moreSpecific(candidate, cause)) {
            cause = candidate;
        }
    }

    /** Whether any hangup event of this try came: its channels existed and said how they ended. */
    synchronized boolean isHangupSeen() {
        return hangupSeen;
    }

    synchronized Integer cause() {
        return cause;
    }

    /** The dialer's own channel of this try hung up: no more events of it will follow. */
    synchronized void channelHungUp() {
        channelHungUp = true;
    }

    synchronized boolean isChannelHungUp() {
        return channelHungUp;
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
