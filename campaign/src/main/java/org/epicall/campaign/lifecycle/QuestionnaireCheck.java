package org.epicall.campaign.lifecycle;

/**
 * Validates an uploaded questionnaire before a campaign is created with it.
 *
 * <p>Contract: thread-safe; never returns for an invalid questionnaire.
 */
public interface QuestionnaireCheck {

    /**
     * @param yaml   questionnaire text
     * @param source file name as uploaded, used in error messages
     * @return the questionnaire's id
     * @throws InvalidQuestionnaireException naming the file, the path/line and the problem
     */
    String check(String yaml, String source);
}
