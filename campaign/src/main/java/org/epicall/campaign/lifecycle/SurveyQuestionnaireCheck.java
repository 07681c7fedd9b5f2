package org.epicall.campaign.lifecycle;

import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireException;
import org.epicall.survey.questionnaire.QuestionnaireLoader;

/** Validates uploads with the survey module's questionnaire loader, the same one the calls use. */
public class SurveyQuestionnaireCheck implements QuestionnaireCheck {

    @Override
    public Questionnaire load(String yaml, String source) {
        try {
            return QuestionnaireLoader.parse(yaml, source);
        } catch (QuestionnaireException e) {
            throw new InvalidQuestionnaireException(source, e.problems().stream()
                    .map(p -> new InvalidQuestionnaireException.Problem(p.path(), p.line(), p.message()))
                    .toList());
        }
    }
}
