package org.epicall.survey.prompt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.epicall.survey.questionnaire.LocalizedText;
import org.epicall.survey.questionnaire.Messages;
import org.epicall.survey.questionnaire.Question;
import org.epicall.survey.questionnaire.Questionnaire;

/**
 * What each prompt of a questionnaire says, per language: the text a rendering speaks where no official has
 * recorded the prompt. The keypad prompt says the questionnaire's keypad introduction first, as the call plays
 * it in its place.
 */
public final class PromptTexts {

    private PromptTexts() {
    }

    /** Prompt id ({@link PromptIds}) to language to text, every prompt of {@link PromptIds#of}. */
    public static Map<String, Map<String, String>> of(Questionnaire questionnaire) {
        Messages m = questionnaire.messages();
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        texts.put(PromptIds.INTRO, texts(m.intro()));
        texts.put(PromptIds.SORRY, texts(m.notUnderstood()));
        for (Question q : questionnaire.sequence().order()) {
            texts.put(PromptIds.question(q.id()), texts(q.prompt()));
            texts.put(PromptIds.reask(q.id()), texts(q.reprompt()));
            if (q.keypad() != null) {
                Map<String, String> keypad = new TreeMap<>();
                texts(q.keypad().prompt()).forEach((language, text) -> keypad.put(language,
                        m.keypadIntro().has(language) ? m.keypadIntro().in(language) + " " + text : text));
                texts.put(PromptIds.keypad(q.id()), keypad);
            }
        }
        texts.put(PromptIds.THANKS, texts(m.thankYou()));
        texts.put(PromptIds.DECLINED, texts(m.declined()));
        texts.putAll(PromptIds.readBacks(questionnaire));
        return texts;
    }

    private static Map<String, String> texts(LocalizedText text) {
        return new TreeMap<>(text.byLanguage());
    }
}
