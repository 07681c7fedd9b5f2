package org.epicall.survey.answer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.epicall.survey.language.NumberWords;

/**
 * Sino-Korean numerals: 삼십칠 = 3×10 + 7, 백일 = 101, 점 then one digit word per decimal place
 * (삼십칠 점 오 = 37.5). Recognisers may split words ("삼십 칠 점 오") or write digits ("37.5",
 * "37 점 5"); all are joined before parsing. Consecutive digits without a multiplier (삼칠) are
 * rejected rather than guessed.
 */
final class SinoKoreanNumbers implements NumberGrammar {

    /** Multipliers from this one up group the digits before them (만: ten thousand). */
    private static final int GROUP = 10_000;

    private final NumberWords words;
    private final List<String> vocabulary;
    private final List<String> suffixes;
    private final String zeroWord;
    private final Map<Integer, String> digitWords;
    private final Map<Integer, String> multiplierWords;

    SinoKoreanNumbers(NumberWords words) {
        this.words = words;
        Map<Integer, String> digits = new java.util.HashMap<>();
        words.digits().forEach((word, value) -> digits.putIfAbsent(value, word));
        Map<Integer, String> multipliers = new java.util.HashMap<>();
        words.multipliers().forEach((word, value) -> multipliers.putIfAbsent(value, word));
        this.digitWords = Map.copyOf(digits);
        this.multiplierWords = Map.copyOf(multipliers);
        this.zeroWord = digits.get(0);
        List<String> known = new ArrayList<>(words.digits().keySet());
        known.addAll(words.multipliers().keySet());
        known.addAll(words.point());
        this.vocabulary = List.copyOf(known);
        List<String> endings = new ArrayList<>(words.unitSuffixes());
        endings.addAll(words.ignorable());
        endings.addAll(words.foreignUnits());
        this.suffixes = List.copyOf(endings);
    }

    @Override
    public boolean isNumberToken(String token) {
        return NumberGrammar.isAsciiNumber(token) || (!token.isEmpty() && segment(token) != null);
    }

    /**
     * Splits a unit or ending glued to a number (오도, 삼십칠이요). When two splits read as different
     * numbers (삼십이요: 30 + 이요, or 32 + 요) the token is left whole, so it is not read as a number.
     */
    @Override
    public List<String> splitUnitSuffix(String token) {
        List<String> split = null;
        BigDecimal splitValue = null;
        for (String suffix : suffixes) {
            if (token.length() > suffix.length() && token.endsWith(suffix)) {
                String number = token.substring(0, token.length() - suffix.length());
                Optional<BigDecimal> value = parse(List.of(number));
                if (value.isPresent()) {
                    if (splitValue != null && splitValue.compareTo(value.get()) != 0) {
                        return List.of(token);
                    }
                    split = List.of(number, suffix);
                    splitValue = value.get();
                }
            }
        }
        BigDecimal chosen = splitValue;
        if (split != null && parse(List.of(token)).filter(whole -> whole.compareTo(chosen) != 0).isPresent()) {
            return List.of(token);
        }
        return split == null ? List.of(token) : split;
    }

    @Override
    public Optional<BigDecimal> parse(List<String> run) {
        for (int i = 1; i < run.size(); i++) {
            if (NumberGrammar.isAsciiNumber(run.get(i - 1)) && NumberGrammar.isAsciiNumber(run.get(i))) {
                return Optional.empty();
            }
        }
        String joined = String.join("", run);
        if (NumberGrammar.isAsciiNumber(joined)) {
            return Optional.of(new BigDecimal(joined));
        }
        List<String> pointWords = words.point();
        int pointAt = -1;
        String pointWord = null;
        for (String point : pointWords) {
            int index = joined.indexOf(point);
            if (index >= 0 && (pointAt < 0 || index < pointAt)) {
                pointAt = index;
                pointWord = point;
            }
        }
        String integerPart = pointAt < 0 ? joined : joined.substring(0, pointAt);
        String fractionPart = pointAt < 0 ? null : joined.substring(pointAt + pointWord.length());
        Optional<BigDecimal> integer = integer(integerPart);
        if (integer.isEmpty()) {
            return Optional.empty();
        }
        if (fractionPart == null) {
            return integer;
        }
        return fraction(fractionPart).map(digits -> new BigDecimal(integer.get().toPlainString() + "." + digits));
    }

    private Optional<BigDecimal> integer(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.matches("[0-9]+")) {
            return Optional.of(new BigDecimal(text));
        }
        List<String> segments = segment(text);
        if (segments == null) {
            return Optional.empty();
        }
        long groups = 0;
        long total = 0;
        Integer pendingDigit = null;
        int lastMultiplier = Integer.MAX_VALUE;
        int lastGroup = Integer.MAX_VALUE;
        for (String segment : segments) {
            Integer digit = words.digits().get(segment);
            Integer multiplier = words.multipliers().get(segment);
            if (digit != null) {
                if (pendingDigit != null) {
                    return Optional.empty();
                }
                if (digit == 0) {
                    return segments.size() == 1 ? Optional.of(BigDecimal.ZERO) : Optional.empty();
                }
                pendingDigit = digit;
            } else if (multiplier != null && multiplier >= GROUP) {
                // 만 multiplies the whole group before it (삼십오만 = 35 × 10000); smaller groups follow.
                long group = total + (pendingDigit == null ? 0 : pendingDigit);
                if (multiplier >= lastGroup) {
                    return Optional.empty();
                }
                groups += (group == 0 ? 1 : group) * multiplier;
                total = 0;
                pendingDigit = null;
                lastGroup = multiplier;
                lastMultiplier = Integer.MAX_VALUE;
            } else if (multiplier != null) {
                if (multiplier >= lastMultiplier) {
                    return Optional.empty();
                }
                total += (long) (pendingDigit == null ? 1 : pendingDigit) * multiplier;
                pendingDigit = null;
                lastMultiplier = multiplier;
            } else {
                return Optional.empty();
            }
        }
        if (pendingDigit != null) {
            total += pendingDigit;
        }
        return Optional.of(BigDecimal.valueOf(groups + total));
    }

    /** One digit per place, each written as a digit word or an ASCII digit (recognisers mix them). */
    private Optional<String> fraction(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                i++;
                continue;
            }
            String word = null;
            for (String candidate : words.digits().keySet()) {
                if (text.startsWith(candidate, i) && (word == null || candidate.length() > word.length())) {
                    word = candidate;
                }
            }
            if (word == null) {
                return Optional.empty();
            }
            digits.append(words.digits().get(word));
            i += word.length();
        }
        return Optional.of(digits.toString());
    }

    /** Splits Korean number text into its words (digits, multipliers, 점), or {@code null} if some part is none. */
    private List<String> segment(String text) {
        List<String> segments = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            String found = null;
            for (String word : vocabulary) {
                if (text.startsWith(word, i) && (found == null || word.length() > found.length())) {
                    found = word;
                }
            }
            if (found == null) {
                return null;
            }
            segments.add(found);
            i += found.length();
        }
        return segments;
    }

    @Override
    public List<String> render(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        long integer = plain.toBigInteger().longValueExact();
        String fraction = plain.scale() > 0 ? plain.toPlainString().substring(plain.toPlainString().indexOf('.') + 1) : "";
        List<List<String>> integerForms = integerForms(integer);
        String fractionWords = fraction.chars().mapToObj(c -> digitWords.get(c - '0')).reduce((a, b) -> a + " " + b).orElse("");
        LinkedHashSet<String> phrasings = new LinkedHashSet<>();
        for (List<String> form : integerForms) {
            String integerText = String.join(" ", form);
            phrasings.add(fraction.isEmpty() ? integerText : integerText + " " + words.point().getFirst() + " " + fractionWords);
        }
        return List.copyOf(phrasings);
    }

    /** The integer as one word (삼십칠) and split before the last digit (삼십 칠), as recognisers write it. */
    private List<List<String>> integerForms(long value) {
        if (value >= 10_000) {
            return List.of(List.of(Long.toString(value)));
        }
        if (value == 0) {
            return List.of(List.of(zeroWord));
        }
        StringBuilder upper = new StringBuilder();
        long rest = value;
        for (int multiplier : new int[] {1000, 100, 10}) {
            long count = rest / multiplier;
            rest %= multiplier;
            if (count > 0) {
                upper.append(count == 1 ? "" : digitWords.get((int) count)).append(multiplierWords.get(multiplier));
            }
        }
        String units = rest == 0 ? "" : digitWords.get((int) rest);
        List<List<String>> forms = new ArrayList<>();
        forms.add(List.of(upper + units));
        if (!upper.isEmpty() && !units.isEmpty()) {
            forms.add(List.of(upper.toString(), units));
        }
        return forms;
    }
}
