package org.epicall.app.bench.dialer;

import java.util.concurrent.atomic.LongAdder;

import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallResultSink;
import org.epicall.survey.call.SurveyResponse;

/** Counts results; the benchmark keeps nothing else. */
final class CountingSink implements CallResultSink {

    final LongAdder surveys = new LongAdder();
    final LongAdder attempts = new LongAdder();

    @Override
    public void surveyFinished(SurveyResponse response) {
        surveys.increment();
    }

    @Override
    public void attemptFinished(AttemptResult result) {
        attempts.increment();
    }
}
