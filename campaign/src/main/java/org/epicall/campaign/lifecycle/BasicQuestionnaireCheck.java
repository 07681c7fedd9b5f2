package org.epicall.campaign.lifecycle;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks that a questionnaire is well-formed YAML with an {@code id} and a non-empty
 * {@code questions} list whose entries have ids. The survey module's loader performs the full
 * validation; this is the part the campaign service needs to create a campaign.
 */
public class BasicQuestionnaireCheck implements QuestionnaireCheck {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @Override
    public String check(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidQuestionnaireException(source, List.of(new InvalidQuestionnaireException.Problem("", line,
                    "not valid YAML: " + firstLines(e.getOriginalMessage()))));
        }
        List<InvalidQuestionnaireException.Problem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidQuestionnaireException(source, List.of(new InvalidQuestionnaireException.Problem("", 1,
                    "a questionnaire is a mapping with id and questions")));
        }
        if (!root.path("id").isString() || root.path("id").asString().isBlank()) {
            problems.add(new InvalidQuestionnaireException.Problem("id", 0, "missing: give the questionnaire an id"));
        }
        JsonNode questions = root.path("questions");
        if (!questions.isArray() || questions.isEmpty()) {
            problems.add(new InvalidQuestionnaireException.Problem("questions", 0, "missing or empty: list the questions"));
        } else {
            for (int i = 0; i < questions.size(); i++) {
                if (!questions.get(i).path("id").isString()) {
                    problems.add(new InvalidQuestionnaireException.Problem("questions[" + i + "].id", 0,
                            "missing: every question needs an id"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidQuestionnaireException(source, problems);
        }
        return root.path("id").asString();
    }

    /** The parser's own words without its echo of the document. */
    private static String firstLines(String message) {
        return message == null ? "" : message.lines()
                .filter(l -> !l.isBlank() && !l.startsWith(" "))
                .reduce((a, b) -> a + "; " + b).orElse(message);
    }
}
