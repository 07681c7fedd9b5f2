package org.epicall.campaign.questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.epicall.survey.language.LanguagePack;
import org.epicall.survey.language.LanguagePackException;
import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.Questionnaire;
import org.epicall.survey.triage.Confirmation;

/**
 * The names of the sound files a survey call plays for a questionnaire, the same the dialer asks
 * Asterisk for ({@code epicall/<questionnaire>/<language>/<name>}): {@code intro}, {@code thanks},
 * {@code declined}, {@code sorry}, per question its id, {@code <id>-reask} and {@code <id>-keypad}, and the
 * read-back of an answer that raises a triage flag, {@code <id>-confirm-<value>}.
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

    /**
     * Every prompt a call of the questionnaire may play, in the order a call meets them, then the
     * read-back prompts of answers that raise a triage flag ({@link #readBacks}).
     */
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
        ids.addAll(readBacks(questionnaire).keySet());
        return List.copyOf(ids);
    }

    /**
     * The read-back prompts a call may play ({@code <question>-confirm-<value>}, named as the survey
     * module's {@link Confirmation} names them), with their text per language.
     */
    public static Map<String, Map<String, String>> readBacks(Questionnaire questionnaire) {
        Map<String, Map<String, String>> prompts = new LinkedHashMap<>();
        for (String language : questionnaire.languages()) {
            LanguagePack pack;
            try {
                pack = LanguagePack.forLanguage(language);
            } catch (LanguagePackException noPack) {
                continue; // without a pack's wording there is nothing to read back in that language
            }
            for (Confirmation.Prompt prompt : Confirmation.prompts(questionnaire, pack)) {
                prompts.computeIfAbsent(prompt.name(), name -> new TreeMap<>()).put(language, prompt.text());
            }
        }
        return prompts;
    }
}
