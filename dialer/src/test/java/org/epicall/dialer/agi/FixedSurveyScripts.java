package org.epicall.dialer.agi;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnsweredQuestion;

/**
 * A questionnaire of fixed question ids whose spoken answers are never understood: each goes from voice
 * straight to the keypad, where it stays unanswered, or, with {@link #acceptingKeys}, takes the digits
 * pressed as its value. For load runs and dialing tests, where what is asked does not matter; with no
 * questions a call is intro, thanks, hang up. Thread-safe.
 */
public final class FixedSurveyScripts implements SurveyScripts {

    private final List<String> questionIds;
    private final boolean acceptKeys;

    public FixedSurveyScripts(List<String> questionIds) {
        this(questionIds, false);
    }

    private FixedSurveyScripts(List<String> questionIds, boolean acceptKeys) {
        this.questionIds = List.copyOf(questionIds);
        this.acceptKeys = acceptKeys;
    }

    /** The same questions, each taking whatever digits are pressed as its answer. */
    public static FixedSurveyScripts acceptingKeys(List<String> questionIds) {
        return new FixedSurveyScripts(questionIds, true);
    }

    @Override
    public SurveyScript open(String questionnaireId, String language) {
        return new SurveyScript() {
            @Override
            public Optional<Step> next(List<AnsweredQuestion> answered) {
                return answered.size() < questionIds.size()
                        ? Optional.of(new Step(questionIds.get(answered.size()), false))
                        : Optional.empty();
            }

            @Override
            public Heard hear(Step step, Path wav, int ask) {
                return new Heard("", null, 0, Decision.KEYPAD);
            }

            @Override
            public Optional<Object> keypad(Step step, String digits) {
                return acceptKeys ? Optional.of(digits) : Optional.empty();
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
