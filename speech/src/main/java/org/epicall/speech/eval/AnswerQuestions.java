package org.epicall.speech.eval;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.epicall.corpus.Manifest;
import org.epicall.corpus.ManifestException;
import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.Questionnaire;

/**
 * Which question a recording is played to: its manifest's {@code question} column, else the default
 * question of its kind (yes_no: the consent question, number: temperature, country: travel_country,
 * choice: symptoms). A recording that answers nothing ({@code other}) is played to the default
 * question of each of yes_no, number and country, none of which may accept a value from it.
 */
public final class AnswerQuestions {

    /** The defaults for the shipped check-in questionnaire. */
    public static final Map<Manifest.AnswerKind, String> CHECK_IN = Map.of(
            Manifest.AnswerKind.YES_NO, "consent",
            Manifest.AnswerKind.NUMBER, "temperature",
            Manifest.AnswerKind.COUNTRY, "travel_country",
            Manifest.AnswerKind.CHOICE, "symptoms");

    private final Questionnaire questionnaire;
    private final Map<Manifest.AnswerKind, String> defaults;

    public AnswerQuestions(Questionnaire questionnaire, Map<Manifest.AnswerKind, String> defaults) {
        this.questionnaire = questionnaire;
        this.defaults = new EnumMap<>(defaults);
        this.defaults.values().forEach(this::question);
    }

    /** The questions {@code recording} is played to, in order. */
    public List<Question> of(Manifest.Recording recording) {
        if (!recording.question().isEmpty()) {
            return List.of(question(recording.question()));
        }
        if (recording.kind() == Manifest.AnswerKind.OTHER) {
            return List.of(Manifest.AnswerKind.YES_NO, Manifest.AnswerKind.NUMBER, Manifest.AnswerKind.COUNTRY).stream()
                    .filter(defaults::containsKey).map(kind -> question(defaults.get(kind))).toList();
        }
        String id = defaults.get(recording.kind());
        if (id == null) {
            throw new ManifestException("line " + recording.line() + ": no question for answer kind " + recording.kind().text()
                    + "; add a question column naming one of " + questionnaire.questions().stream().map(Question::id).toList());
        }
        return List.of(question(id));
    }

    private Question question(String id) {
        return questionnaire.question(id).orElseThrow(() -> new ManifestException("questionnaire " + questionnaire.id()
                + " has no question '" + id + "'; it has " + questionnaire.questions().stream().map(Question::id).toList()));
    }
}
