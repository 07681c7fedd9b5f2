package org.epicall.dialer.agi;

/**
 * Names of the sound files a survey call plays: {@code epicall/<campaign>/<questionnaire>/<language>/<name>},
 * the layout in which the campaign service keeps each campaign's prompts (rendered with {@code epicall prompts
 * render} or an official's own recordings), which Asterisk's sounds directory mounts as {@code epicall/}: one
 * per question, plus {@code -reask}, {@code -keypad} and {@code -confirm-<value>} variants and the intro,
 * thanks, declined and sorry messages. The simulator plays what it finds there, or checks only the command.
 */
final class Prompts {

    private final String base;

    Prompts(String campaignId, String questionnaireId, String language) {
        this.base = "epicall/" + campaignId + "/" + questionnaireId + "/" + language + "/";
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
