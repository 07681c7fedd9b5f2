package org.epicall.survey.call;

/** How far an answered call got through the questionnaire. */
public enum SurveyStatus {
    /** Every question that applied was asked and answered (by voice or keypad) or skipped by rule. */
    COMPLETE,
    /** The resident hung up, or the call was lost, before the end; the answers so far are kept. */
    PARTIAL,
    /** The resident declined consent at the start; no questions were asked. */
    DECLINED
}
