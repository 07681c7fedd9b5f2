package org.epicall.survey.answer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.epicall.survey.language.LanguagePack;
import org.epicall.survey.questionnaire.ChoiceOption;
import org.epicall.survey.questionnaire.NumberSpec;
import org.epicall.survey.questionnaire.Question;

/**
 * The words and phrases the {@link AnswerInterpreter} understands for a question, for building a
 * recogniser grammar (Vosk: these phrases plus {@code [unk]}).
 *
 * <p>For numbers every value of the plausible range at the question's precision is listed in each
 * phrasing the interpreter reads (and the °F range where the question accepts °F), together with
 * each single word, so a grammar can also assemble them. Free-text questions have no phrases: an
 * empty list means "use free transcription". Stateless and thread-safe.
 */
public final class ExpectedPhrases {

    /** Ranges with more values than this are listed by their words only, not value by value. */
    static final int MAX_LISTED_VALUES = 2_000;

    private ExpectedPhrases() {
    }

    /**
     * Phrases for {@code question} in the shipped pack of {@code language}; distinct, lower-case,
     * tokenised the way the interpreter tokenises (single spaces).
     */
    public static List<String> forQuestion(Question question, String language) {
        return forQuestion(question, LanguagePack.forLanguage(language));
    }

    /** Phrases for {@code question} in {@code pack}. */
    public static List<String> forQuestion(Question question, LanguagePack pack) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(pack, "pack");
        return IdentityCache.SHARED.get("phrases", question, pack, () -> compute(question, pack));
    }

    private static List<String> compute(Question question, LanguagePack pack) {
        Set<String> phrases = new LinkedHashSet<>();
        switch (question.type()) {
            case YES_NO -> {
                phrases.addAll(pack.yesNo().yes());
                phrases.addAll(pack.yesNo().no());
                phrases.addAll(pack.yesNo().factYes());
                phrases.addAll(pack.yesNo().factNo());
                phrases.addAll(question.yesNoPhrases().yes(pack.language()));
                phrases.addAll(question.yesNoPhrases().no(pack.language()));
                phrases.addAll(pack.yesNo().agree());
                phrases.addAll(pack.yesNo().refuse());
                phrases.addAll(pack.yesNo().politeDeclines());
                phrases.addAll(pack.yesNo().unsure());
                phrases.addAll(pack.yesNo().negators());
                phrases.addAll(pack.yesNo().negatorsAfter());
                // Heard as what they are, a question back is no match; left out, it would be heard as an answer.
                phrases.addAll(pack.yesNo().questions());
                phrases.addAll(pack.yesNo().neutral());
            }
            case NUMBER -> numbers(question.numberSpec(), pack, phrases);
            case CHOICE -> {
                for (ChoiceOption option : question.choiceSpec().options()) {
                    for (String phrase : ChoiceReader.phrases(option, pack)) {
                        phrases.add(phrase);
                        if (!phrase.contains(" ")) {
                            pack.particleForms().after(phrase).forEach(particle -> phrases.add(phrase + particle));
                        }
                    }
                }
                question.choiceSpec().options().forEach(option -> phrases.addAll(pack.choices().denialsOf(option.id())));
                phrases.addAll(pack.choices().negatorsBefore());
                phrases.addAll(pack.choices().negatorsAfter());
                phrases.addAll(pack.choices().affirmers());
            }
            case DAYS_AGO -> daysAgo(question.numberSpec(), pack, phrases);
            case DATE -> dates(pack, phrases);
            case FREE_TEXT -> {
                return List.of();
            }
        }
        phrases.addAll(pack.fillers());
        return normalized(phrases);
    }

    private static void numbers(NumberSpec spec, LanguagePack pack, Set<String> phrases) {
        NumberGrammar grammar = NumberGrammar.cached(pack);
        List<String> degrees = pack.numbers().degrees();
        addRange(grammar, spec.min(), spec.max(), spec.decimals(), phrases, degrees);
        if (spec.acceptFahrenheit()) {
            BigDecimal low = Temperatures.toFahrenheit(spec.min()).setScale(spec.decimals(), RoundingMode.CEILING);
            BigDecimal high = Temperatures.toFahrenheit(spec.max()).setScale(spec.decimals(), RoundingMode.FLOOR);
            addFahrenheitRange(grammar, low, high, spec.decimals(), phrases, pack);
            phrases.addAll(pack.numbers().fahrenheit());
        }
        phrases.addAll(degrees);
        phrases.addAll(pack.numbers().celsius());
        phrases.addAll(pack.numbers().half());
        phrases.addAll(pack.numbers().tenths());
        phrases.addAll(pack.numbers().ignorable());
        // Heard as what they are, a clock time or an amount is no match; left out, it would be forced onto a number.
        phrases.addAll(pack.numbers().foreignUnits());
        phrases.addAll(pack.numbers().nativeNumerals());
        addNumberWords(pack, phrases);
    }

    private static void addRange(NumberGrammar grammar, BigDecimal min, BigDecimal max, int decimals, Set<String> phrases,
                                 List<String> unitWords) {
        BigDecimal step = BigDecimal.ONE.movePointLeft(decimals);
        BigDecimal count = max.subtract(min).divide(step, 0, RoundingMode.FLOOR);
        if (count.compareTo(BigDecimal.valueOf(MAX_LISTED_VALUES)) > 0) {
            return;
        }
        for (BigDecimal value = min.setScale(decimals, RoundingMode.CEILING); value.compareTo(max) <= 0; value = value.add(step)) {
            for (String phrase : grammar.render(value)) {
                phrases.add(phrase);
                if (!unitWords.isEmpty()) {
                    phrases.add(phrase + " " + unitWords.getFirst());
                }
            }
        }
    }

    /** °F values: bare and with the unit after (English), or only with the unit before (화씨 구십구 도). */
    private static void addFahrenheitRange(NumberGrammar grammar, BigDecimal min, BigDecimal max, int decimals, Set<String> phrases,
                                           LanguagePack pack) {
        List<String> units = pack.numbers().fahrenheit();
        if (pack.numbers().implicitFahrenheit()) {
            addRange(grammar, min, max, decimals, phrases, units);
            return;
        }
        if (units.isEmpty()) {
            return;
        }
        Set<String> bare = new java.util.LinkedHashSet<>();
        addRange(grammar, min, max, decimals, bare, List.of());
        bare.forEach(phrase -> phrases.add(units.getFirst() + " " + phrase));
    }

    private static void addNumberWords(LanguagePack pack, Set<String> phrases) {
        phrases.addAll(pack.numbers().digits().keySet());
        phrases.addAll(pack.numbers().teens().keySet());
        phrases.addAll(pack.numbers().tens().keySet());
        phrases.addAll(pack.numbers().multipliers().keySet());
        phrases.addAll(pack.numbers().point());
        phrases.addAll(pack.numbers().joiners());
        phrases.addAll(pack.numbers().articles());
    }

    private static void daysAgo(NumberSpec spec, LanguagePack pack, Set<String> phrases) {
        NumberGrammar grammar = NumberGrammar.cached(pack);
        String ago = pack.days().ago().isEmpty() ? "" : " " + pack.days().ago().getFirst();
        int max = Math.min(spec.max().intValue(), MAX_LISTED_VALUES);
        for (int days = spec.min().intValue(); days <= max; days++) {
            for (String number : grammar.render(BigDecimal.valueOf(days))) {
                for (String unit : pack.days().dayUnits()) {
                    phrases.add(number + " " + unit + ago);
                    phrases.add(number + " " + unit);
                }
                if (days > 1 && !pack.particles().isEmpty()) {
                    phrases.add(number + pack.days().dayUnits().getFirst() + ago);
                }
            }
        }
        pack.days().words().forEach((word, days) -> {
            if (spec.contains(BigDecimal.valueOf(days))) {
                phrases.add(word);
                phrases.add(word + ago);
            }
        });
        phrases.addAll(pack.days().weekUnits());
        phrases.addAll(pack.days().ago());
        addNumberWords(pack, phrases);
    }

    private static void dates(LanguagePack pack, Set<String> phrases) {
        NumberGrammar grammar = NumberGrammar.cached(pack);
        phrases.addAll(pack.dates().relative().keySet());
        if (pack.dates().monthSuffix() != null && pack.dates().daySuffix() != null) {
            List<String> months = new ArrayList<>();
            for (int month = 1; month <= 12; month++) {
                int m = month;
                String word = pack.dates().monthWords().entrySet().stream().filter(e -> e.getValue() == m).map(e -> e.getKey()).findFirst()
                        .orElse(grammar.render(BigDecimal.valueOf(month)).getFirst() + pack.dates().monthSuffix());
                months.add(word);
            }
            for (String month : months) {
                for (int day = 1; day <= 31; day++) {
                    phrases.add(month + " " + grammar.render(BigDecimal.valueOf(day)).getFirst() + pack.dates().daySuffix());
                }
            }
        }
        if (!pack.dates().months().isEmpty()) {
            List<String> days = new ArrayList<>(pack.dates().ordinals().keySet());
            pack.numbers().tens().forEach((tens, value) -> pack.dates().ordinals().forEach((ordinal, number) -> {
                if (number < 10 && value + number <= 31) {
                    days.add(tens + " " + ordinal);
                }
            }));
            for (String month : pack.dates().months().keySet()) {
                for (String day : days) {
                    phrases.add(month + " " + day);
                    phrases.add("the " + day + " of " + month);
                }
            }
            phrases.addAll(pack.dates().joiners());
        }
        addNumberWords(pack, phrases);
    }

    private static List<String> normalized(Set<String> phrases) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String phrase : phrases) {
            List<String> tokens = LanguagePack.tokenize(phrase);
            if (!tokens.isEmpty()) {
                normalized.add(String.join(" ", tokens));
            }
        }
        return List.copyOf(normalized);
    }
}
