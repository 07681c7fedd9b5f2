package org.epicall.dialer.agi;

/** Opens the {@link SurveyScript} of a call. Thread-safe. */
public interface SurveyScripts {

    /**
     * @throws IllegalArgumentException naming the questionnaire or language if it is unknown
     */
    SurveyScript open(String questionnaireId, String language);
}
