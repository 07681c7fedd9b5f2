package org.epicall.campaign.lifecycle;

import java.util.List;
import java.util.stream.Collectors;

/** A questionnaire that cannot be used, with every problem found. */
public class InvalidQuestionnaireException extends RuntimeException {

    private final String source;
    private final List<Problem> problems;

    public InvalidQuestionnaireException(String source, List<Problem> problems) {
        super(source + ": " + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * One problem.
     *
     * @param path    where in the document, e.g. {@code questions[2].type}
     * @param line    1-based line, or 0 if unknown
     * @param message what is wrong and what to do
     */
    public record Problem(String path, int line, String message) {

        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + (path.isEmpty() ? "" : path + ": ") + message;
        }
    }
}
