package org.epicall.survey.answer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.epicall.survey.language.NumberWords;

/**
 * English numbers: "thirty seven point five", "a hundred and one", "one hundred one", "ninety nine
 * point one", or digits "37.5". After "point" each digit is one word ("point two five"). Digit-by-
 * digit readings of the whole part ("three seven") are rejected rather than guessed.
 */
final class EnglishNumbers implements NumberGrammar {

    private enum Last { START, ARTICLE, UNIT, TEEN, TENS, HUNDRED, THOUSAND, JOINER }

    private final NumberWords words;
    private final Map<Integer, String> unitWords = new HashMap<>();
    private final Map<Integer, String> teenWords = new HashMap<>();
    private final Map<Integer, String> tensWords = new HashMap<>();

    EnglishNumbers(NumberWords words) {
        this.words = words;
        words.digits().forEach((word, value) -> unitWords.putIfAbsent(value, word));
        words.teens().forEach((word, value) -> teenWords.putIfAbsent(value, word));
        words.tens().forEach((word, value) -> tensWords.putIfAbsent(value, word));
    }

    @Override
    public boolean isNumberToken(String token) {
        return NumberGrammar.isAsciiNumber(token) || words.digits().containsKey(token) || words.teens().containsKey(token)
                || words.tens().containsKey(token) || words.multipliers().containsKey(token) || words.point().contains(token)
                || words.joiners().contains(token) || words.articles().contains(token);
    }

    @Override
    public Optional<BigDecimal> parse(List<String> run) {
        int point = -1;
        for (int i = 0; i < run.size(); i++) {
            if (words.point().contains(run.get(i))) {
                if (point >= 0) {
                    return Optional.empty();
                }
                point = i;
            }
        }
        List<String> integerPart = point < 0 ? run : run.subList(0, point);
        Optional<BigDecimal> integer = integer(integerPart);
        if (integer.isEmpty() || point < 0) {
            return integer;
        }
        if (integer.get().scale() > 0) {
            return Optional.empty();
        }
        return fraction(run.subList(point + 1, run.size()))
                .map(digits -> new BigDecimal(integer.get().toPlainString() + "." + digits));
    }

    private Optional<BigDecimal> integer(List<String> tokens) {
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        if (tokens.size() == 1 && NumberGrammar.isAsciiNumber(tokens.getFirst())) {
            return Optional.of(new BigDecimal(tokens.getFirst()));
        }
        if (tokens.size() == 1 && Integer.valueOf(0).equals(words.digits().get(tokens.getFirst()))) {
            return Optional.of(BigDecimal.ZERO);
        }
        long total = 0;
        long group = 0;
        boolean groupHasHundred = false;
        Last last = Last.START;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean nextIsMultiplier = i + 1 < tokens.size() && words.multipliers().containsKey(tokens.get(i + 1));
            Integer multiplier = words.multipliers().get(token);
            if (words.articles().contains(token)) {
                if (last != Last.START || !nextIsMultiplier) {
                    return Optional.empty();
                }
                group = 1;
                last = Last.ARTICLE;
            } else if (words.joiners().contains(token)) {
                if ((last != Last.HUNDRED && last != Last.THOUSAND) || i + 1 == tokens.size()) {
                    return Optional.empty();
                }
                last = Last.JOINER;
            } else if (words.digits().containsKey(token)) {
                int digit = words.digits().get(token);
                if (digit == 0 || last == Last.UNIT || last == Last.TEEN || last == Last.ARTICLE) {
                    return Optional.empty();
                }
                group += digit;
                last = Last.UNIT;
            } else if (words.teens().containsKey(token) || words.tens().containsKey(token)) {
                if (last == Last.UNIT || last == Last.TEEN || last == Last.TENS || last == Last.ARTICLE) {
                    return Optional.empty();
                }
                boolean teen = words.teens().containsKey(token);
                group += teen ? words.teens().get(token) : words.tens().get(token);
                last = teen ? Last.TEEN : Last.TENS;
            } else if (multiplier != null && multiplier == 100) {
                if ((last != Last.UNIT && last != Last.ARTICLE) || groupHasHundred || group < 1 || group > 9) {
                    return Optional.empty();
                }
                group *= 100;
                groupHasHundred = true;
                last = Last.HUNDRED;
            } else if (multiplier != null && multiplier == 1000) {
                if (last == Last.START || last == Last.JOINER || last == Last.THOUSAND || total > 0 || group == 0) {
                    return Optional.empty();
                }
                total = group * 1000;
                group = 0;
                groupHasHundred = false;
                last = Last.THOUSAND;
            } else {
                return Optional.empty();
            }
        }
        if (last == Last.JOINER || last == Last.ARTICLE) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(total + group));
    }

    private Optional<String> fraction(List<String> tokens) {
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        if (tokens.size() == 1 && tokens.getFirst().matches("[0-9]+")) {
            return Optional.of(tokens.getFirst());
        }
        StringBuilder digits = new StringBuilder();
        for (String token : tokens) {
            Integer digit = words.digits().get(token);
            if (digit == null) {
                return Optional.empty();
            }
            digits.append(digit);
        }
        return Optional.of(digits.toString());
    }

    @Override
    public List<String> render(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        long integer = plain.toBigInteger().longValueExact();
        String fraction = plain.scale() > 0 ? plain.toPlainString().substring(plain.toPlainString().indexOf('.') + 1) : "";
        String fractionWords = fraction.chars().mapToObj(c -> unitWords.get(c - '0')).reduce((a, b) -> a + " " + b).orElse("");
        LinkedHashSet<String> phrasings = new LinkedHashSet<>();
        for (String form : integerForms(integer)) {
            phrasings.add(fraction.isEmpty() ? form : form + " " + words.point().getFirst() + " " + fractionWords);
        }
        return List.copyOf(phrasings);
    }

    /** "one hundred one", "one hundred and one", "a hundred and one", "a hundred one". */
    private List<String> integerForms(long value) {
        if (value >= 10_000) {
            return List.of(Long.toString(value));
        }
        if (value == 0) {
            return List.of(unitWords.get(0));
        }
        String belowHundred = belowHundred((int) (value % 100));
        long hundreds = value / 100 % 10;
        long thousands = value / 1000;
        List<String> heads = new ArrayList<>();
        String thousandPart = thousands == 0 ? "" : unitWords.get((int) thousands) + " thousand";
        if (hundreds == 0 && thousands == 0) {
            return List.of(belowHundred);
        }
        List<String> hundredParts = new ArrayList<>();
        if (hundreds > 0) {
            hundredParts.add(unitWords.get((int) hundreds) + " hundred");
            if (hundreds == 1 && thousands == 0) {
                hundredParts.add("a hundred");
            }
        } else {
            hundredParts.add("");
        }
        for (String hundredPart : hundredParts) {
            String head = (thousandPart + " " + hundredPart).strip();
            heads.add(head);
        }
        List<String> forms = new ArrayList<>();
        for (String head : heads) {
            if (belowHundred.isEmpty()) {
                forms.add(head);
            } else {
                forms.add(head + " " + belowHundred);
                forms.add(head + " and " + belowHundred);
            }
        }
        return forms;
    }

    private String belowHundred(int value) {
        if (value == 0) {
            return "";
        }
        if (value < 10) {
            return unitWords.get(value);
        }
        if (value < 20) {
            return teenWords.get(value);
        }
        String tens = tensWords.get(value / 10 * 10);
        return value % 10 == 0 ? tens : tens + " " + unitWords.get(value % 10);
    }
}
