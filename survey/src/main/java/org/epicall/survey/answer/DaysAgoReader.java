package org.epicall.survey.answer;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.epicall.survey.language.DayWords;
import org.epicall.survey.language.LanguagePack;
import org.epicall.survey.language.NumeralSystem;
import org.epicall.survey.questionnaire.NumberSpec;

/**
 * Reads how many days ago: a day word (어제, 이틀, yesterday), a number with a day or week unit
 * (삼 일 전, 이 주 전, three days ago, a week ago), or a bare number of days (less trusted). Any word
 * it does not know makes it no match: a wrong day count is worse than a re-ask.
 */
final class DaysAgoReader {

    static final double BARE_NUMBER_PENALTY = 0.8;
    /** Endings after a Korean day count; none starts with 이 (2), so no number is cut short. */
    static final List<String> KOREAN_ENDINGS = List.of("요", "에", "쯤", "입니다", "예요", "에요", "정도");

    private DaysAgoReader() {
    }

    static Interpretation read(LanguagePack pack, NumberSpec spec, List<String> tokens, double recogniserConfidence) {
        List<String> content = tokens.stream().filter(token -> !pack.fillers().contains(token)).toList();
        if (content.isEmpty()) {
            return Interpretation.nothingHeard("nothing but fillers heard");
        }
        Optional<Days> days = pack.numerals() == NumeralSystem.SINO_KOREAN
                ? korean(pack, String.join("", content))
                : spaced(pack, content);
        if (days.isEmpty()) {
            return Interpretation.noMatch("'" + String.join(" ", content) + "' is not a number of days ago");
        }
        BigDecimal value = BigDecimal.valueOf(days.get().count());
        if (!spec.contains(value)) {
            return Interpretation.noMatch("heard " + days.get().count() + " days, outside the range "
                    + spec.min().toPlainString() + "–" + spec.max().toPlainString());
        }
        double confidence = Coverage.clamp(recogniserConfidence) * (days.get().bare() ? BARE_NUMBER_PENALTY : 1);
        return Interpretation.of(days.get().count(), confidence);
    }

    private record Days(int count, boolean bare) {
    }

    private static Optional<Days> korean(LanguagePack pack, String text) {
        DayWords words = pack.days();
        List<String> endings = new java.util.ArrayList<>(words.ago());
        endings.addAll(KOREAN_ENDINGS);
        String rest = stripSuffixes(text, endings);
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        if (words.words().containsKey(rest)) {
            return Optional.of(new Days(words.words().get(rest), false));
        }
        NumberGrammar grammar = NumberGrammar.cached(pack);
        for (String unit : longestFirst(words.weekUnits())) {
            if (rest.endsWith(unit) && rest.length() > unit.length()) {
                return whole(grammar, List.of(rest.substring(0, rest.length() - unit.length()))).map(weeks -> new Days(weeks * 7, false));
            }
        }
        for (String unit : longestFirst(words.dayUnits())) {
            if (rest.endsWith(unit) && rest.length() > unit.length()) {
                return whole(grammar, List.of(rest.substring(0, rest.length() - unit.length()))).map(count -> new Days(count, false));
            }
        }
        return whole(grammar, List.of(rest)).map(count -> new Days(count, true));
    }

    private static Optional<Days> spaced(LanguagePack pack, List<String> tokens) {
        DayWords words = pack.days();
        List<String> rest = tokens;
        while (!rest.isEmpty() && words.ago().contains(rest.getLast())) {
            rest = rest.subList(0, rest.size() - 1);
        }
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        String phrase = String.join(" ", rest);
        if (words.words().containsKey(phrase)) {
            return Optional.of(new Days(words.words().get(phrase), false));
        }
        NumberGrammar grammar = NumberGrammar.cached(pack);
        String last = rest.getLast();
        List<String> count = rest.subList(0, rest.size() - 1);
        boolean one = count.size() == 1 && pack.numbers().articles().contains(count.getFirst());
        if (words.weekUnits().contains(last)) {
            return (one ? Optional.of(1) : whole(grammar, count)).map(weeks -> new Days(weeks * 7, false));
        }
        if (words.dayUnits().contains(last)) {
            return (one ? Optional.of(1) : whole(grammar, count)).map(days -> new Days(days, false));
        }
        return whole(grammar, rest).map(days -> new Days(days, true));
    }

    private static Optional<Integer> whole(NumberGrammar grammar, List<String> run) {
        if (run.isEmpty() || run.stream().anyMatch(token -> !grammar.isNumberToken(token) && !token.isEmpty())) {
            return Optional.empty();
        }
        return grammar.parse(run)
                .filter(value -> value.stripTrailingZeros().scale() <= 0)
                .filter(value -> value.compareTo(BigDecimal.valueOf(100_000)) < 0)
                .map(BigDecimal::intValueExact);
    }

    static String stripSuffixes(String text, List<String> suffixes) {
        String rest = text;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : longestFirst(suffixes)) {
                if (rest.endsWith(suffix) && rest.length() > suffix.length()) {
                    rest = rest.substring(0, rest.length() - suffix.length());
                    stripped = true;
                    break;
                }
            }
        }
        return rest;
    }

    static List<String> longestFirst(List<String> words) {
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
}
