package org.epicall.survey.language;

import java.util.List;
import java.util.Map;

/**
 * Vocabulary for "how many days ago".
 *
 * @param words      phrases that are a number of days by themselves (어제 = 1, 이틀 = 2, yesterday = 1)
 * @param dayUnits   words for "day(s)" after a number (일, days)
 * @param weekUnits  words for "week(s)" after a number (주, weeks)
 * @param ago        words for "ago" (전, ago)
 */
public record DayWords(Map<String, Integer> words, List<String> dayUnits, List<String> weekUnits, List<String> ago) {

    public DayWords {
        words = LanguagePack.optional(words);
        dayUnits = LanguagePack.required(dayUnits, "days.day_units");
        weekUnits = LanguagePack.optional(weekUnits);
        ago = LanguagePack.optional(ago);
    }
}
