package org.epicall.dialer.agi;

import java.util.Optional;

import org.epicall.survey.call.SurveyResponse;

/**
 * Where the AGI side learns which attempt a session carries and hands back its survey. Thread-safe.
 */
public interface SurveyCallRegistry {

    /**
     * Claims an attempt for its survey session.
     *
     * @return empty if the attempt is unknown, already ended, or already has a session; the caller
     *         must then hang up without asking anything, so no attempt ever gets two surveys
     */
    Optional<SurveyCall> begin(String attemptId);

    /** Hands back the survey of a claimed attempt; ends the attempt as answered. Call once. */
    void surveyEnded(String attemptId, SurveyResponse response);
}
