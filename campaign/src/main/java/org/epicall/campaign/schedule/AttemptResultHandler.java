package org.epicall.campaign.schedule;

import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.SurveyResponse;

/**
 * Where reports from the dialers land (in production: consumed from {@code epicall.call-attempts} and
 * {@code epicall.survey-results}).
 *
 * <p>Contract: thread-safe; idempotent (a redelivered report changes nothing); a report for an
 * unknown attempt is logged and ignored. A method that returns has stored its effect durably; one
 * that throws has stored nothing and the report should be redelivered.
 */
public interface AttemptResultHandler {

    /** A survey finished on an answered call (arrives before that attempt's {@link #attemptFinished}). */
    void surveyFinished(SurveyResponse response);

    /** An attempt ended, answered or not. */
    void attemptFinished(AttemptResult result);
}
