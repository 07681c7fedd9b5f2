package org.epicall.survey.prompt;

import java.nio.file.Path;
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
 * The one naming of the sound files a survey call plays: the dialer asks Asterisk for {@link #sound}
 * ({@code epicall/<campaign>/<questionnaire>/<language>/<name>}), and the campaign service and {@code epicall
 * prompts render} write {@link #file} under the directory Asterisk's sounds directory mounts as {@code epicall/}.
 * The names: {@code intro}, {@code thanks}, {@code declined}, {@code sorry}, per question its id,
 * {@code <id>-reask} and {@code <id>-keypad}, and the read-back of an answer that raises a triage flag,
 * {@code <id>-confirm-<value>}.
 */
public final class PromptIds {

    /** The directory under Asterisk's sounds directory that holds every campaign's prompts. */
    public static final String SOUNDS_DIR = "epicall";
    /** The format prompts are kept in: 8 kHz mono 16-bit PCM WAV, which Asterisk plays without transcoding. */
    public static final String EXTENSION = ".wav";

    public static final String INTRO = "intro";
    public static final String THANKS = "thanks";
    public static final String DECLINED = "declined";
    public static final String SORRY = "sorry";
    /**
     * The message left on an answering machine: played only where a dialer leaves one (off by default), so
     * not among the prompts a campaign needs before it starts ({@link #of}).
     */
    public static final String MACHINE = "machine";

    private PromptIds() {
    }

    /** What the dialer asks Asterisk to play (a sound name: no extension, relative to its sounds directory). */
    public static String sound(String campaignId, String questionnaireId, String language, String promptId) {
        return SOUNDS_DIR + "/" + campaignId + "/" + questionnaireId + "/" + language + "/" + promptId;
    }

    /**
     * Where that sound's file lies under {@code promptsDir}, the directory mounted as Asterisk's
     * {@code sounds/epicall/}; {@code campaignId} may be null where one questionnaire's prompts are rendered by
     * hand into a campaign's directory ({@code <promptsDir>/<questionnaire>/<language>/<prompt>.wav}).
     */
    public static Path file(Path promptsDir, String campaignId, String questionnaireId, String language,
                            String promptId) {
        Path campaign = campaignId == null ? promptsDir : promptsDir.resolve(campaignId);
        return campaign.resolve(questionnaireId).resolve(language).resolve(promptId + EXTENSION);
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
