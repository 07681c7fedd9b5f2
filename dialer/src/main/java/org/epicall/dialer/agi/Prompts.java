package org.epicall.dialer.agi;

/**
 * Names of the sound files a survey call plays: {@code epicall/<questionnaire>/<language>/<name>}.
 * In production they are TTS renderings installed in Asterisk's sounds directory (one per question,
 * plus {@code -reask}, {@code -keypad} and {@code -confirm-<value>} variants and the intro, thanks and
 * declined messages);
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

    /** {@code name} as {@code SurveyScript.confirmation} gives it: {@code temperature-confirm-37.5}. */
    String confirm(String name) {
        return base + name;
    }

    /**
     * Played while the rest of a keypad entry is read after its first key stopped a recording: Asterisk's
     * own second of silence (core sounds), so GET DATA has a file to play and says nothing.
     */
    String keepTyping() {
        return "silence/1";
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

    /** The short message left on an answering machine, when the campaign leaves one. */
    String machine() {
        return base + "machine";
    }
}
