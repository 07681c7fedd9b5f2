package org.epicall.dialer.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.epicall.dialer.agi.SurveyScript;
import org.epicall.dialer.agi.SurveyScripts;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnsweredQuestion;

/**
 * A questionnaire with no questions: the call plays its intro and thanks and ends. For tests about
 * dialing, where what is asked does not matter.
 */
public final class HangUpScripts implements SurveyScripts {

    @Override
    public SurveyScript open(String questionnaireId, String language) {
        return new SurveyScript() {
            @Override
            public Optional<Step> next(List<AnsweredQuestion> answered) {
                return Optional.empty();
            }

            @Override
            public Heard hear(Step step, Path wav, int ask) {
                return new Heard("", null, 0, Decision.KEYPAD);
            }

            @Override
            public Optional<Object> keypad(Step step, String digits) {
                return Optional.empty();
            }

            @Override
            public List<String> triage(List<AnsweredQuestion> answers) {
                return List.of();
            }

            @Override
            public void close() {
            }
        };
    }
}
