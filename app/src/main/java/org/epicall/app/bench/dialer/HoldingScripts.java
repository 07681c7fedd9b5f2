package org.epicall.app.bench.dialer;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.epicall.dialer.agi.SurveyScript;
import org.epicall.dialer.agi.SurveyScripts;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnsweredQuestion;

/**
 * The benchmark's survey: one question whose spoken answer is never understood, so the call goes to
 * the keypad and waits there for as long as the keypad timeout allows. That holds every answered call
 * open (the memory figure is per live call) without spending CPU on recognition. Thread-safe.
 */
final class HoldingScripts implements SurveyScripts {

    private static final SurveyScript.Step HOLD = new SurveyScript.Step("hold", false);

    @Override
    public SurveyScript open(String questionnaireId, String language) {
        return new SurveyScript() {
            @Override
            public Optional<Step> next(List<AnsweredQuestion> answered) {
                return answered.isEmpty() ? Optional.of(HOLD) : Optional.empty();
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
