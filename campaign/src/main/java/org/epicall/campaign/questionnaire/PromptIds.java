package org.epicall.campaign.questionnaire;

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
}
