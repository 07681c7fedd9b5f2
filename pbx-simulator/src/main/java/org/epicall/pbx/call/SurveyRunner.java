package org.epicall.pbx.call;

/**
 * Runs the survey side of an answered call in a context that leads to AGI. Implementations return at once
 * and must eventually call {@link LiveCall#surveyEnded(boolean)}.
 */
@FunctionalInterface
public interface SurveyRunner {

    void start(LiveCall call, Dialplan.Agi step);
}
