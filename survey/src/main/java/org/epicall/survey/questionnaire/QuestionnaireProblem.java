package org.epicall.survey.questionnaire;

import java.util.Objects;

/**
 * One thing wrong with a questionnaire file.
 *
 * @param path    where in the document, e.g. {@code questions[3].range.max}; empty for the whole file
 * @param line    1-based line in the file, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param message what is wrong and how to fix it
 */
public record QuestionnaireProblem(String path, int line, int column, String message) {

    public QuestionnaireProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(path.isEmpty() ? "(document)" : path);
        if (line > 0) {
            text.append(" (line ").append(line);
            if (column > 0) {
                text.append(", column ").append(column);
            }
            text.append(')');
        }
        return text.append(": ").append(message).toString();
    }
}
