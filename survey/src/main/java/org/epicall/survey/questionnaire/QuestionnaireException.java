package org.epicall.survey.questionnaire;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A questionnaire file could not be loaded. The message names the file and, for each problem,
 * the path within it, the line where known, what is wrong and how to fix it; it is meant to be
 * shown to the person who wrote the file, without a stack trace.
 */
public final class QuestionnaireException extends RuntimeException {

    private final String source;
    private final List<QuestionnaireProblem> problems;

    public QuestionnaireException(String source, List<QuestionnaireProblem> problems) {
        super(describe(source, problems));
        this.source = Objects.requireNonNull(source, "source");
        this.problems = List.copyOf(problems);
    }

    QuestionnaireException(String source, List<QuestionnaireProblem> problems, Throwable cause) {
        super(describe(source, problems), cause);
        this.source = Objects.requireNonNull(source, "source");
        this.problems = List.copyOf(problems);
    }

    /** The file or resource that was being loaded. */
    public String source() {
        return source;
    }

    /** Everything found wrong, in document order where known; never empty. */
    public List<QuestionnaireProblem> problems() {
        return problems;
    }

    private static String describe(String source, List<QuestionnaireProblem> problems) {
        if (problems.size() == 1) {
            return "Invalid questionnaire " + source + ": " + problems.getFirst();
        }
        return "Invalid questionnaire " + source + ": " + problems.size() + " problems:"
                + problems.stream().map(problem -> "\n  - " + problem).collect(Collectors.joining());
    }
}
