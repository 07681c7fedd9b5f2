package org.epicall.survey.call;

/**
 * Where a dialer reports what its calls did. The campaign service connects it to Kafka.
 *
 * <p>Contract: for each attempt, {@link #surveyFinished} is called at most once and only for an
 * answered call, before {@link #attemptFinished}, which is called exactly once. Implementations
 * must be thread-safe (calls end on many threads at once) and must not lose a record they have
 * returned from: persist before returning, or throw.
 */
public interface CallResultSink {

    void surveyFinished(SurveyResponse response);

    void attemptFinished(AttemptResult result);
}
