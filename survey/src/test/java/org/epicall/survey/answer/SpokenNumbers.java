package org.epicall.survey.answer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test oracle: renders numbers the way a resident might say them and a recogniser might write
 * them, independently of the production grammars.
 */
final class SpokenNumbers {

    private static final String[] KO_DIGITS = {"영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"};
    private static final String[] EN_UNITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    private static final String[] EN_TEENS = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen"};
    private static final String[] EN_TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

    private SpokenNumbers() {
    }

    /** Sino-Korean, e.g. 37.5 → "삼십칠 점 오", "삼십 칠 점 오", "삼 십 칠 점 오", "37.5", "37 점 5". */
    static String korean(BigDecimal value, Random random) {
        String plain = value.toPlainString();
        String integerDigits = plain.contains(".") ? plain.substring(0, plain.indexOf('.')) : plain;
        String fractionDigits = plain.contains(".") ? plain.substring(plain.indexOf('.') + 1) : "";
        int style = random.nextInt(5);
        String integer = switch (style) {
            case 3 -> integerDigits;
            default -> koreanInteger(Integer.parseInt(integerDigits), style);
        };
        if (fractionDigits.isEmpty()) {
            return integer;
        }
        StringBuilder fraction = new StringBuilder();
        for (char digit : fractionDigits.toCharArray()) {
            if (style == 3 || style == 4 && random.nextBoolean()) {
                fraction.append(digit);
            } else {
                fraction.append(fraction.isEmpty() ? "" : " ").append(digit == '0' && random.nextBoolean() ? "공" : KO_DIGITS[digit - '0']);
            }
        }
        String digitsOnly = fraction.toString().replace(" ", "");
        return style == 3 && random.nextBoolean() ? integer + "." + digitsOnly : integer + " 점 " + fraction;
    }

    /** style 0: one word; 1: split before the units digit; 2: every syllable apart; 4: like 0. */
    private static String koreanInteger(int value, int style) {
        if (value == 0) {
            return "영";
        }
        List<String> parts = new ArrayList<>();
        int[] multipliers = {1000, 100, 10};
        String[] names = {"천", "백", "십"};
        int rest = value;
        for (int i = 0; i < multipliers.length; i++) {
            int count = rest / multipliers[i];
            rest %= multipliers[i];
            if (count > 0) {
                parts.add((count == 1 ? "" : KO_DIGITS[count]) + names[i]);
            }
        }
        String units = rest == 0 ? "" : KO_DIGITS[rest];
        String upper = String.join("", parts);
        return switch (style) {
            case 1 -> (upper + " " + units).strip();
            case 2 -> String.join(" ", (upper + units).split(""));
            default -> upper + units;
        };
    }

    /** English, e.g. 37.5 → "thirty seven point five", "thirty-seven point five", 101 → "a hundred and one". */
    static String english(BigDecimal value, Random random) {
        String plain = value.toPlainString();
        String integerDigits = plain.contains(".") ? plain.substring(0, plain.indexOf('.')) : plain;
        String fractionDigits = plain.contains(".") ? plain.substring(plain.indexOf('.') + 1) : "";
        if (random.nextInt(6) == 0) {
            return plain;
        }
        String integer = englishInteger(Integer.parseInt(integerDigits), random);
        if (fractionDigits.isEmpty()) {
            return integer;
        }
        List<String> fraction = new ArrayList<>();
        for (char digit : fractionDigits.toCharArray()) {
            fraction.add(digit == '0' && random.nextBoolean() ? "oh" : EN_UNITS[digit - '0']);
        }
        return integer + " point " + String.join(" ", fraction);
    }

    private static String englishInteger(int value, Random random) {
        if (value == 0) {
            return "zero";
        }
        List<String> words = new ArrayList<>();
        int thousands = value / 1000;
        int hundreds = value / 100 % 10;
        int below = value % 100;
        if (thousands > 0) {
            words.add(EN_UNITS[thousands]);
            words.add("thousand");
        }
        if (hundreds > 0) {
            words.add(hundreds == 1 && thousands == 0 && random.nextBoolean() ? "a" : EN_UNITS[hundreds]);
            words.add("hundred");
        }
        if (below > 0) {
            if (!words.isEmpty() && random.nextBoolean()) {
                words.add("and");
            }
            if (below < 10) {
                words.add(EN_UNITS[below]);
            } else if (below < 20) {
                words.add(EN_TEENS[below - 10]);
            } else if (below % 10 == 0) {
                words.add(EN_TENS[below / 10]);
            } else if (random.nextBoolean()) {
                words.add(EN_TENS[below / 10] + "-" + EN_UNITS[below % 10]);
            } else {
                words.add(EN_TENS[below / 10]);
                words.add(EN_UNITS[below % 10]);
            }
        }
        return String.join(" ", words);
    }
}
