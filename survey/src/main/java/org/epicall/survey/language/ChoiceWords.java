package org.epicall.survey.language;

import java.util.List;
import java.util.Map;

/**
 * Vocabulary for choice answers.
 *
 * @param synonyms        extra phrases by option id (cough → 기침, 콜록콜록), added to the questionnaire's
 * @param denials         whole phrases denying an option, by option id (목은 안 아파요 denies sore_throat)
 * @param negatorsAfter   said after an option to deny it (기침은 없어요)
 * @param negatorsBefore  said before an option to deny it (no cough, 안 아파요)
 * @param affirmers       known words that confirm or join options and change nothing (있어요, and)
 * @param joiners         words that join one option to another (랑, and): said with no option just
 *                        before them, the option they joined was not heard
 */
public record ChoiceWords(
        Map<String, List<String>> synonyms,
        Map<String, List<String>> denials,
        List<String> negatorsAfter,
        List<String> negatorsBefore,
        List<String> affirmers,
        List<String> joiners) {

    public ChoiceWords {
        synonyms = LanguagePack.optional(synonyms);
        synonyms.values().forEach(list -> LanguagePack.required(list, "choices.synonyms"));
        denials = LanguagePack.optional(denials);
        negatorsAfter = LanguagePack.optional(negatorsAfter);
        negatorsBefore = LanguagePack.optional(negatorsBefore);
        affirmers = LanguagePack.optional(affirmers);
        joiners = LanguagePack.optional(joiners);
    }

    /** The pack's phrases denying option {@code optionId}; empty when it has none. */
    public List<String> denialsOf(String optionId) {
        return denials.getOrDefault(optionId, List.of());
    }

    /** The pack's synonyms for option {@code optionId}; empty when it has none. */
    public List<String> synonymsOf(String optionId) {
        return synonyms.getOrDefault(optionId, List.of());
    }
}
