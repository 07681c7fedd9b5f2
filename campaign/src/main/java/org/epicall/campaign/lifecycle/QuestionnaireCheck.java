package org.epicall.campaign.lifecycle;

import org.epicall.survey.questionnaire.Questionnaire;

/**
 * Validates an uploaded questionnaire before a campaign is created with it.
 *
 * <p>Contract: thread-safe; never returns for an invalid questionnaire.
 */
public interface QuestionnaireCheck {

    /**
     * @param yaml   questionnaire text
     * @param source file name as uploaded, used in error messages
     * @return the questionnaire, validated
     * @throws InvalidQuestionnaireException naming the file, the path/line and the problem
     */
    Questionnaire load(String yaml, String source);

    /**
     * @param yaml   questionnaire text
     * @param source file name as uploaded, used in error messages
     * @return the questionnaire's id
     * @throws InvalidQuestionnaireException naming the file, the path/line and the problem
     */
    default String check(String yaml, String source) {
        return load(yaml, source).id();
    }
}
