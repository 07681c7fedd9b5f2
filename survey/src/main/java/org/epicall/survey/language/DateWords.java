package org.epicall.survey.language;

import java.util.List;
import java.util.Map;

/**
 * Vocabulary for calendar dates.
 *
 * @param months       English month names (march = 3)
 * @param ordinals     English ordinals first–twentieth, thirtieth (compounds like "twenty first" are built)
 * @param joiners      English words around a date that change nothing (the, of, on)
 * @param monthSuffix  Korean month marker (삼월, 3월); {@code null} when unused
 * @param daySuffix    Korean day marker (오일, 5일); {@code null} when unused
 * @param monthWords   Korean irregular month words (유월 = 6, 시월 = 10)
 * @param relative     words for a date relative to today, as days back (어제 = 1, yesterday = 1)
 */
public record DateWords(
        Map<String, Integer> months,
        Map<String, Integer> ordinals,
        List<String> joiners,
        String monthSuffix,
        String daySuffix,
        Map<String, Integer> monthWords,
        Map<String, Integer> relative) {

    public DateWords {
        months = LanguagePack.optional(months);
        ordinals = LanguagePack.optional(ordinals);
        joiners = LanguagePack.optional(joiners);
        monthWords = LanguagePack.optional(monthWords);
        relative = LanguagePack.optional(relative);
    }
}
