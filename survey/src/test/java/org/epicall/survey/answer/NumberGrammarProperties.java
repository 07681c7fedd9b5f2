package org.epicall.survey.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.epicall.survey.language.LanguagePack;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of number words: whatever the grammars accept must be read to the value a
 * plain, independent reading gives; a malformed sequence may be refused but never misread.
 */
class NumberGrammarProperties {

    private static final List<String> KOREAN = List.of("영", "공", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구", "십", "백", "천", "점");
    private static final List<String> ENGLISH = List.of("zero", "oh", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "fifteen", "nineteen", "twenty", "thirty", "forty", "ninety",
            "hundred", "thousand", "and", "a", "point");

    @Property(tries = 2000)
    void koreanWordSequencesAreReadAsTheirCanonicalValueOrNotAtAll(@ForAll("koreanWords") List<String> words) {
        LanguagePack pack = LanguagePack.forLanguage("ko");
        String spoken = String.join(" ", words);

        Optional<BigDecimal> read = NumberGrammar.of(pack).parse(pack.tokens(spoken));

        read.ifPresent(value -> assertThat(canonicalKorean(value)).as(spoken)
                .isEqualTo(String.join("", words).replace("공", "영").replaceAll("일(?=[십백천])", "")));
    }

    @Property(tries = 2000)
    void englishWordSequencesAgreeWithAPlainReading(@ForAll("englishWords") List<String> words) {
        LanguagePack pack = LanguagePack.forLanguage("en");
        String spoken = String.join(" ", words);

        Optional<BigDecimal> read = NumberGrammar.of(pack).parse(pack.tokens(spoken));

        read.ifPresent(value -> assertThat(value).as(spoken).isEqualByComparingTo(plainEnglish(words)));
    }

    @Provide
    Arbitrary<List<String>> koreanWords() {
        return Arbitraries.of(KOREAN).list().ofMinSize(1).ofMaxSize(7);
    }

    @Provide
    Arbitrary<List<String>> englishWords() {
        return Arbitraries.of(ENGLISH).list().ofMinSize(1).ofMaxSize(6);
    }

    /** The one canonical way to write {@code value} in Sino-Korean, without spaces. */
    private static String canonicalKorean(BigDecimal value) {
        String spaced = SpokenNumbers.korean(value, new java.util.Random(0) {
            @Override
            public int nextInt(int bound) {
                return 0;
            }

            @Override
            public boolean nextBoolean() {
                return false;
            }
        });
        return spaced.replace(" ", "");
    }

    /** The textbook reading: units, teens and tens add up, hundred and thousand multiply; after point, digits. */
    private static BigDecimal plainEnglish(List<String> words) {
        List<String> units = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
        java.util.Map<String, Integer> others = java.util.Map.of("ten", 10, "eleven", 11, "twelve", 12, "fifteen", 15,
                "nineteen", 19, "twenty", 20, "thirty", 30, "forty", 40, "ninety", 90);
        long total = 0;
        long current = 0;
        int point = words.indexOf("point");
        List<String> whole = point < 0 ? words : words.subList(0, point);
        for (String word : whole) {
            switch (word) {
                case "a" -> current += 1;
                case "and" -> { }
                case "hundred" -> current *= 100;
                case "thousand" -> {
                    total += current * 1000;
                    current = 0;
                }
                default -> current += units.contains(word) ? units.indexOf(word) : others.getOrDefault(word, 0);
            }
        }
        StringBuilder text = new StringBuilder(Long.toString(total + current));
        if (point >= 0) {
            text.append('.');
            for (String word : words.subList(point + 1, words.size())) {
                text.append(word.equals("oh") ? 0 : units.indexOf(word));
            }
        }
        return new BigDecimal(text.toString());
    }
}
