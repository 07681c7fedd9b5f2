package org.epicall.survey.answer;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.epicall.survey.language.DateWords;
import org.epicall.survey.language.LanguagePack;
import org.epicall.survey.language.NumeralSystem;

/**
 * Reads a calendar date not in the future: relative words (오늘, 어제, yesterday), Korean 삼월 오일 /
 * 3월 5일, English "march fifth", "the fifth of march", "march 5". The year is the latest one that
 * puts the date on or before today. Unknown words make it no match.
 */
final class DateReader {

    private static final List<String> KOREAN_ENDINGS = List.of("에", "요", "쯤", "입니다", "예요", "에요", "경", "날", "부터");
    private static final List<String> ORDINAL_ENDINGS = List.of("st", "nd", "rd", "th");

    private DateReader() {
    }

    static Interpretation read(LanguagePack pack, LocalDate today, List<String> tokens, double recogniserConfidence) {
        List<String> content = tokens.stream().filter(token -> !pack.fillers().contains(token)).toList();
        if (content.isEmpty()) {
            return Interpretation.nothingHeard("nothing but fillers heard");
        }
        DateWords words = pack.dates();
        Integer daysBack = words.relative().get(String.join(" ", content));
        if (daysBack == null && pack.numerals() == NumeralSystem.SINO_KOREAN) {
            daysBack = words.relative().get(DaysAgoReader.stripSuffixes(String.join("", content), KOREAN_ENDINGS));
        }
        if (daysBack != null) {
            return Interpretation.of(today.minusDays(daysBack).toString(), Coverage.clamp(recogniserConfidence));
        }
        Optional<int[]> monthDay = pack.numerals() == NumeralSystem.SINO_KOREAN
                ? korean(pack, DaysAgoReader.stripSuffixes(String.join("", content), KOREAN_ENDINGS))
                : english(pack, content);
        if (monthDay.isEmpty()) {
            return Interpretation.noMatch("'" + String.join(" ", content) + "' is not a date");
        }
        try {
            LocalDate date = LocalDate.of(today.getYear(), monthDay.get()[0], monthDay.get()[1]);
            if (date.isAfter(today)) {
                date = LocalDate.of(today.getYear() - 1, monthDay.get()[0], monthDay.get()[1]);
            }
            return Interpretation.of(date.toString(), Coverage.clamp(recogniserConfidence));
        } catch (DateTimeException impossible) {
            return Interpretation.noMatch("no such date: month " + monthDay.get()[0] + ", day " + monthDay.get()[1]);
        }
    }

    private static Optional<int[]> korean(LanguagePack pack, String text) {
        DateWords words = pack.dates();
        if (words.monthSuffix() == null || words.daySuffix() == null || !text.endsWith(words.daySuffix())) {
            return Optional.empty();
        }
        int monthEnd = text.indexOf(words.monthSuffix());
        if (monthEnd <= 0) {
            return Optional.empty();
        }
        String monthText = text.substring(0, monthEnd + words.monthSuffix().length());
        String dayText = text.substring(monthEnd + words.monthSuffix().length(), text.length() - words.daySuffix().length());
        NumberGrammar grammar = NumberGrammar.cached(pack);
        Optional<Integer> month = Optional.ofNullable(words.monthWords().get(monthText))
                .or(() -> whole(grammar, monthText.substring(0, monthText.length() - words.monthSuffix().length())));
        Optional<Integer> day = whole(grammar, dayText);
        return month.flatMap(m -> day.map(d -> new int[] {m, d}));
    }

    private static Optional<int[]> english(LanguagePack pack, List<String> content) {
        DateWords words = pack.dates();
        List<String> rest = new ArrayList<>();
        Integer month = null;
        for (String token : content) {
            if (words.months().containsKey(token)) {
                if (month != null) {
                    return Optional.empty();
                }
                month = words.months().get(token);
            } else if (!words.joiners().contains(token)) {
                rest.add(token);
            }
        }
        if (month == null || rest.isEmpty()) {
            return Optional.empty();
        }
        int chosenMonth = month;
        return englishDay(pack, rest).map(day -> new int[] {chosenMonth, day});
    }

    private static Optional<Integer> englishDay(LanguagePack pack, List<String> tokens) {
        Map<String, Integer> ordinals = pack.dates().ordinals();
        if (tokens.size() == 2 && tokens.getFirst().matches("[0-9]+") && ORDINAL_ENDINGS.contains(tokens.getLast())) {
            return Optional.of(Integer.parseInt(tokens.getFirst()));
        }
        if (tokens.size() == 1 && ordinals.containsKey(tokens.getFirst())) {
            return Optional.of(ordinals.get(tokens.getFirst()));
        }
        if (tokens.size() == 2 && pack.numbers().tens().containsKey(tokens.getFirst()) && ordinals.containsKey(tokens.getLast())
                && ordinals.get(tokens.getLast()) < 10) {
            return Optional.of(pack.numbers().tens().get(tokens.getFirst()) + ordinals.get(tokens.getLast()));
        }
        NumberGrammar grammar = NumberGrammar.cached(pack);
        if (tokens.stream().allMatch(grammar::isNumberToken)) {
            return grammar.parse(tokens).filter(value -> value.stripTrailingZeros().scale() <= 0)
                    .filter(value -> value.compareTo(BigDecimal.valueOf(31)) <= 0)
                    .map(BigDecimal::intValueExact);
        }
        return Optional.empty();
    }

    private static Optional<Integer> whole(NumberGrammar grammar, String text) {
        if (text.isEmpty() || !grammar.isNumberToken(text)) {
            return Optional.empty();
        }
        return grammar.parse(List.of(text)).filter(value -> value.stripTrailingZeros().scale() <= 0)
                .filter(value -> value.compareTo(BigDecimal.valueOf(31)) <= 0)
                .map(BigDecimal::intValueExact);
    }
}
