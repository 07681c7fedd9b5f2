package org.epicall.dialer.agi;

/** Opens the {@link SurveyScript} of a call. Thread-safe. */
public interface SurveyScripts {

    /**
     * @throws IllegalArgumentException naming the questionnaire or language if it is unknown
     */
    SurveyScript open(String questionnaireId, String language);

    /**
     * The script of the questionnaire version the call's campaign asked for; by default the questionnaire
     * known under its id.
     *
     * @throws IllegalArgumentException naming the questionnaire, version or language if it is unavailable
     */
    default SurveyScript open(SurveyCall call) {
        return open(call.questionnaireId(), call.language());
    }
}
