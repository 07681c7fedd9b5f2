package org.epicall.survey.answer;

import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.questionnaire.QuestionnaireLoader;

/** The shipped check-in's questions, the ones every interpreter test speaks to. */
final class Questions {

    static final Questionnaire CHECKIN = QuestionnaireLoader.loadResource("questionnaires/covid-checkin.yaml");

    private Questions() {
    }

    static Question get(String id) {
        return CHECKIN.question(id).orElseThrow();
    }
}
