package org.epicall.dialer.support;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallResultSink;
import org.epicall.survey.call.SurveyResponse;

/**
 * A sink that keeps what it is given, in order, and checks the sink contract as it goes: a survey
 * only before its attempt's result, never twice.
 */
public final class RecordingSink implements CallResultSink {

    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    @Override
    public void surveyFinished(SurveyResponse response) {
        if (attempt(response.attemptId()).isPresent()) {
            violations.add("survey after attempt result: " + response.attemptId());
        }
        if (survey(response.attemptId()).isPresent()) {
            violations.add("second survey: " + response.attemptId());
        }
        events.add(response);
    }

    @Override
    public void attemptFinished(AttemptResult result) {
        if (attempt(result.attemptId()).isPresent()) {
            violations.add("second attempt result: " + result.attemptId());
        }
        events.add(result);
    }

    public List<AttemptResult> attempts() {
        return events.stream().filter(AttemptResult.class::isInstance).map(AttemptResult.class::cast).toList();
    }

    public List<SurveyResponse> surveys() {
        return events.stream().filter(SurveyResponse.class::isInstance).map(SurveyResponse.class::cast).toList();
    }

    public Optional<AttemptResult> attempt(String attemptId) {
        return attempts().stream().filter(a -> a.attemptId().equals(attemptId)).findFirst();
    }

    public Optional<SurveyResponse> survey(String attemptId) {
        return surveys().stream().filter(s -> s.attemptId().equals(attemptId)).findFirst();
    }

    /** Breaches of the CallResultSink contract seen so far; empty when all is well. */
    public List<String> violations() {
        return List.copyOf(violations);
    }
}
