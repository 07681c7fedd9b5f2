package org.epicall.dialer.agi;

import org.epicall.survey.prompt.PromptIds;

/**
 * The sound files one survey call plays, named by {@link PromptIds} (the naming the campaign service and
 * {@code epicall prompts render} write them under): {@code epicall/<campaign>/<questionnaire>/<language>/<name>},
 * which Asterisk's sounds directory holds as the campaign service's prompts directory mounted as {@code epicall/}.
 * The simulator plays what it finds there.
 */
final class Prompts {

    private final String campaignId;
    private final String questionnaireId;
    private final String language;

    Prompts(String campaignId, String questionnaireId, String language) {
        this.campaignId = campaignId;
        this.questionnaireId = questionnaireId;
        this.language = language;
    }

    private String sound(String promptId) {
        return PromptIds.sound(campaignId, questionnaireId, language, promptId);
    }

    String intro() {
        return sound(PromptIds.INTRO);
    }

    String question(String questionId) {
        return sound(PromptIds.question(questionId));
    }

    String reask(String questionId) {
        return sound(PromptIds.reask(questionId));
    }

    String keypad(String questionId) {
        return sound(PromptIds.keypad(questionId));
    }

    /** {@code name} as {@code SurveyScript.confirmation} gives it: {@code temperature-confirm-37.5}. */
    String confirm(String name) {
        return sound(name);
    }

    /**
     * Played while the rest of a keypad entry is read after its first key stopped a recording: Asterisk's
     * own second of silence (core sounds), so GET DATA has a file to play and says nothing.
     */
    String keepTyping() {
        return "silence/1";
    }

    String thanks() {
        return sound(PromptIds.THANKS);
    }

    String declined() {
        return sound(PromptIds.DECLINED);
    }

    String sorry() {
        return sound(PromptIds.SORRY);
    }

    /** The short message left on an answering machine, when the campaign leaves one. */
    String machine() {
        return sound(PromptIds.MACHINE);
    }
}
