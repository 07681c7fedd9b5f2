package org.epicall.dialer;

/**
 * What {@link Dialer#submit} (or {@link Dialer#accept}) did with a request.
 *
 * <p>A caller that takes requests from a queue acts on the status alone: ACCEPTED, DUPLICATE and
 * REFUSED are final (the request is done with, take the next); RETRY_LATER means offer the same
 * request again shortly.
 *
 * @param status what happened
 * @param reason why the request was not taken on; {@code null} when ACCEPTED or DUPLICATE
 * @param detail for operators: names the attempt and what was wrong; empty when ACCEPTED or DUPLICATE
 */
public record SubmitResult(Status status, Reason reason, String detail) {

    public enum Status {
        /** Durably recorded; exactly one AttemptResult will follow. */
        ACCEPTED,
        /**
         * This attempt id was seen before (perhaps by an earlier run), or its deadline is so far past
         * that the dial ledger may have forgotten it; nothing will be dialed, no result will follow.
         */
        DUPLICATE,
        /**
         * Not taken on now, for a reason that passes ({@link Reason#transientRefusal()}): the same
         * request may well be accepted if offered again shortly. No result will follow.
         */
        RETRY_LATER,
        /**
         * Never taken on, however often offered: the request itself is unacceptable. Nothing is dialed
         * and no result will follow; whoever issued it must notice the attempt never reported back.
         */
        REFUSED
    }

    /** Why a request was not taken on. */
    public enum Reason {
        /** The node's queue of attempts waiting for the pacing gate is full. */
        QUEUE_FULL(true),
        /** The dial ledger could not make the record durable (disk full, I/O error, failed compaction). */
        LEDGER_UNAVAILABLE(true),
        /** The request's {@code notAfter} lies at or before now: it may no longer be dialed. */
        DEADLINE_PASSED(false),
        /** The phone number is not E.164 digits. */
        INVALID_PHONE_NUMBER(false),
        /** The attempt id is not 1-120 characters the ledger can store. */
        INVALID_ATTEMPT_ID(false);

        private final boolean transientRefusal;

        Reason(boolean transientRefusal) {
            this.transientRefusal = transientRefusal;
        }

        /** True if offering the request again later may succeed. */
        public boolean transientRefusal() {
            return transientRefusal;
        }
    }

    public static final SubmitResult ACCEPTED = new SubmitResult(Status.ACCEPTED, null, "");
    public static final SubmitResult DUPLICATE = new SubmitResult(Status.DUPLICATE, null, "");

    /** RETRY_LATER or REFUSED, as the reason says. */
    public static SubmitResult notTaken(Reason reason, String detail) {
        return new SubmitResult(reason.transientRefusal() ? Status.RETRY_LATER : Status.REFUSED, reason, detail);
    }
}
