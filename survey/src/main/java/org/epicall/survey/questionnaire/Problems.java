package org.epicall.survey.questionnaire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems while a questionnaire is read, so that one load reports all of them. */
final class Problems {

    private final YamlLocations locations;
    private final List<QuestionnaireProblem> found = new ArrayList<>();

    Problems(YamlLocations locations) {
        this.locations = locations;
    }

    void add(YamlNode at, String message) {
        add(at.path(), at.pointer(), message);
    }

    void add(String path, String pointer, String message) {
        YamlLocations.Location location = locations.find(pointer);
        found.add(new QuestionnaireProblem(path, location.line(), location.column(), message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<QuestionnaireProblem> sorted() {
        return found.stream()
                .sorted(Comparator.comparingInt((QuestionnaireProblem problem) -> problem.line() == 0 ? Integer.MAX_VALUE : problem.line()))
                .toList();
    }
}
