package org.epicall.campaign.questionnaire;

import java.util.ArrayList;
import java.util.List;
import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.Questionnaire;

/**
 * The names of the sound files a survey call plays for a questionnaire, the same the dialer asks
 * Asterisk for ({@code epicall/<questionnaire>/<language>/<name>}): {@code intro}, {@code thanks},
 * {@code declined}, {@code sorry}, and per question its id, {@code <id>-reask} and {@code <id>-keypad}.
 */
public final class PromptIds {

    public static final String INTRO = "intro";
    public static final String THANKS = "thanks";
    public static final String DECLINED = "declined";
    public static final String SORRY = "sorry";

    private PromptIds() {
    }

    public static String question(String questionId) {
        return questionId;
    }

    public static String reask(String questionId) {
        return questionId + "-reask";
    }

    public static String keypad(String questionId) {
        return questionId + "-keypad";
    }

    /** Every prompt a call of the questionnaire may play, in the order a call meets them. */
    public static List<String> of(Questionnaire questionnaire) {
        List<String> ids = new ArrayList<>(List.of(INTRO, SORRY));
        for (Question question : questionnaire.sequence().order()) {
            ids.add(question(question.id()));
            ids.add(reask(question.id()));
            if (question.keypad() != null) {
                ids.add(keypad(question.id()));
            }
        }
        ids.addAll(List.of(THANKS, DECLINED));
        return List.copyOf(ids);
    }
}
