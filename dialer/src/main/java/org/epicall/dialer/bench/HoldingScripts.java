package org.epicall.dialer.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.epicall.dialer.agi.SurveyScript;
import org.epicall.dialer.agi.SurveyScripts;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnsweredQuestion;

/**
 * One question whose voice answer always goes to the keypad: with a silent resident the call then
 * waits in GET DATA for the keypad timeout, which holds it live for the memory measurement.
 */
final class HoldingScripts implements SurveyScripts {

    @Override
    public SurveyScript open(String questionnaireId, String language) {
        return new SurveyScript() {
            @Override
            public Optional<Step> next(List<AnsweredQuestion> answered) {
                return answered.isEmpty() ? Optional.of(new Step("hold", false)) : Optional.empty();
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
