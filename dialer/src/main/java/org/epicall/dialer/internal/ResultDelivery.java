package org.epicall.dialer.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.epicall.dialer.ledger.DialLedger;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallResultSink;
import org.epicall.survey.call.SurveyResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands results to the sink off the AMI event thread (a sink may block, e.g. on Kafka), the survey
 * before the attempt, retrying a failing sink a few times. The ledger marks an attempt ended only
 * after the sink took its result, so a result the sink never took is reported again on restart.
 */
final class ResultDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResultDelivery.class);
    private static final int ATTEMPTS = 5;

    private final CallResultSink sink;
    private final DialLedger ledger;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    ResultDelivery(CallResultSink sink, DialLedger ledger) {
        this.sink = sink;
        this.ledger = ledger;
    }

    void deliver(SurveyResponse survey, AttemptResult result) {
        try {
            executor.execute(() -> deliverNow(survey, result));
        } catch (RejectedExecutionException e) {
            // the node is closing: the attempt is still open in the ledger, so the next start reports it
            log.info("Node closing: attempt {} ({}) will be reported from the dial ledger by the next start",
                    result.attemptId(), result.outcome());
        }
    }

    /** Delivers on the calling thread; used during recovery before the node starts dialing. */
    void deliverNow(SurveyResponse survey, AttemptResult result) {
        boolean surveyDone = survey == null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                if (!surveyDone) {
                    sink.surveyFinished(survey);
                    surveyDone = true;
                }
                sink.attemptFinished(result);
                ledger.markEnded(result.attemptId());
                return;
            } catch (RuntimeException e) {
                log.warn("Result sink failed for attempt {} (try {} of {}): {}", result.attemptId(), attempt,
                        ATTEMPTS, e.toString());
                pause(attempt);
            }
        }
        log.error("Result sink refused attempt {} {} times; it stays open in the dial ledger and will be reported "
                + "again after a restart. Result: {} Survey: {}", result.attemptId(), ATTEMPTS, result, survey);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
