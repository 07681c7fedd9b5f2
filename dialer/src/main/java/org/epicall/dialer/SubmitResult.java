package org.epicall.dialer;

/**
 * What {@link Dialer#submit} did with a request.
 *
 * @param status accepted, duplicate or rejected
 * @param reason why a request was rejected, for operators; empty otherwise
 */
public record SubmitResult(Status status, String reason) {

    public enum Status {
        /** Durably recorded; exactly one AttemptResult will follow. */
        ACCEPTED,
        /**
         * This attempt id was seen before (perhaps by an earlier run), or its deadline is so far past
         * that the dial ledger may have forgotten it; nothing will be dialed, no result will follow.
         */
        DUPLICATE,
        /** Not taken on; no result will follow. {@link #reason} says why. */
        REJECTED
    }

    static final SubmitResult ACCEPTED = new SubmitResult(Status.ACCEPTED, "");
    static final SubmitResult DUPLICATE = new SubmitResult(Status.DUPLICATE, "");

    static SubmitResult rejected(String reason) {
        return new SubmitResult(Status.REJECTED, reason);
    }
}
