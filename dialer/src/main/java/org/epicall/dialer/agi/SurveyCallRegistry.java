package org.epicall.dialer.agi;

import java.util.Optional;

import org.epicall.survey.call.SurveyResponse;

/**
 * Where the AGI side learns which attempt a session carries, hands back how it ended, and reports
 * what it found wrong with the setup. Thread-safe.
 */
public interface SurveyCallRegistry {

    /**
     * Claims an attempt for its survey session.
     *
     * @return empty if the attempt is unknown, already ended, or already has a session; the caller
     *         must then hang up without asking anything, so no attempt ever gets two surveys
     */
    Optional<SurveyCall> begin(String attemptId);

    /** Hands back the survey of a claimed attempt; ends the attempt as answered. Call once per attempt. */
    void surveyEnded(String attemptId, SurveyResponse response);

    /**
     * Ends a claimed attempt as taken by an answering machine (AMD said MACHINE), with nobody surveyed.
     * Call once per attempt, instead of {@link #surveyEnded}.
     */
    void answeredByMachine(String attemptId, String amdCause);

    /**
     * Ends a claimed attempt as a fault of the campaign: a prompt it plays is not installed on the PBX,
     * and the survey could not go on. Call once per attempt, instead of {@link #surveyEnded}.
     *
     * @param soFar the survey up to where it stopped, kept with the attempt
     */
    void campaignFault(String attemptId, SurveyResponse soFar);

    /** What the session of this attempt finds wrong with the setup goes to the node. */
    SessionFaults faults(String attemptId);
}
