package org.epicall.dialer.agi;

/**
 * Names of the sound files a survey call plays: {@code epicall/<questionnaire>/<language>/<name>}.
 * In production they are TTS renderings installed in Asterisk's sounds directory (one per question,
 * plus {@code -reask} and {@code -keypad} variants and the intro, thanks and declined messages);
 * the simulator plays no audio and only checks the command.
 */
final class Prompts {

    private final String base;

    Prompts(String questionnaireId, String language) {
        this.base = "epicall/" + questionnaireId + "/" + language + "/";
    }

    String intro() {
        return base + "intro";
    }

    String question(String questionId) {
        return base + questionId;
    }

    String reask(String questionId) {
        return base + questionId + "-reask";
    }

    String keypad(String questionId) {
        return base + questionId + "-keypad";
    }

    String thanks() {
        return base + "thanks";
    }

    String declined() {
        return base + "declined";
    }

    String sorry() {
        return base + "sorry";
    }
}
