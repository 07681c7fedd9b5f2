package org.epicall.survey.answer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.epicall.survey.language.LanguagePack;

/** How one numeral system says numbers: reading a run of tokens, and the phrasings of a value. */
interface NumberGrammar {

    static NumberGrammar of(LanguagePack pack) {
        return switch (pack.numerals()) {
            case SINO_KOREAN -> new SinoKoreanNumbers(pack.numbers());
            case ENGLISH -> new EnglishNumbers(pack.numbers());
        };
    }

    /** The grammar of {@code pack}, compiled once per pack. */
    static NumberGrammar cached(LanguagePack pack) {
        return IdentityCache.SHARED.get("grammar", pack, null, () -> of(pack));
    }

    /** Whether {@code token} can be part of a spoken or written number. */
    boolean isNumberToken(String token);

    /** The value of a run of number tokens, or empty when the run is not one well-formed number. */
    Optional<BigDecimal> parse(List<String> run);

    /** Ways to say {@code value} (non-negative), as the recogniser would write them; canonical first. */
    List<String> render(BigDecimal value);

    /** Splits a token like 오도 or 칠도요 into number and unit tokens; other tokens come back alone. */
    default List<String> splitUnitSuffix(String token) {
        return List.of(token);
    }

    static boolean isAsciiNumber(String token) {
        return token.matches("[0-9]+(\\.[0-9]+)?");
    }
}
