package org.epicall.dialer.agi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnsweredQuestion;

/**
 * A three-question script — consent, travel, and travel_country only after a "yes" to travel —
 * whose recogniser hears what the test tells it to, per question and ask. Keypad 1 means yes, 2 no.
 */
final class FakeScript implements SurveyScript {

    private final Map<String, SurveyScript.Heard> heard = new HashMap<>();
    final List<Path> heardFiles = new ArrayList<>();
    boolean closed;

    /** The resident says they do not know, and the policy decides {@code decision}. */
    FakeScript doesNotKnow(String questionId, int ask, Decision decision) {
        heard.put(questionId + "#" + ask, new Heard("모르겠어요", null, 0, decision, true));
        return this;
    }

    FakeScript hears(String questionId, int ask, Object value, Decision decision) {
        heard.put(questionId + "#" + ask, new Heard(value == null ? "" : value.toString(), value,
                decision == Decision.ACCEPT ? 0.9 : 0.3, decision));
        return this;
    }

    @Override
    public Optional<Step> next(List<AnsweredQuestion> answered) {
        List<String> asked = answered.stream().map(AnsweredQuestion::questionId).toList();
        if (!asked.contains("consent")) {
            return Optional.of(new Step("consent", true));
        }
        if (!asked.contains("travel")) {
            return Optional.of(new Step("travel", false));
        }
        boolean travelled = answered.stream()
                .anyMatch(a -> a.questionId().equals("travel") && Boolean.TRUE.equals(a.value()));
        if (travelled && !asked.contains("travel_country")) {
            return Optional.of(new Step("travel_country", false));
        }
        return Optional.empty();
    }

    @Override
    public Heard hear(Step step, Path wav, int ask) {
        heardFiles.add(wav);
        return heard.getOrDefault(step.questionId() + "#" + ask, new Heard("", null, 0, Decision.REASK));
    }

    @Override
    public Optional<Object> keypad(Step step, String digits) {
        return switch (digits) {
            case "1" -> Optional.of(Boolean.TRUE);
            case "2" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    @Override
    public List<String> triage(List<AnsweredQuestion> answers) {
        return answers.stream().anyMatch(a -> a.questionId().equals("travel") && Boolean.TRUE.equals(a.value()))
                ? List.of("travelled") : List.of();
    }

    @Override
    public void close() {
        closed = true;
    }
}
