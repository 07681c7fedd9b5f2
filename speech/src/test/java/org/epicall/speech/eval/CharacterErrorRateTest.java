package org.epicall.speech.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CharacterErrorRateTest {

    @ParameterizedTest(name = "\"{0}\" heard as \"{1}\": {2} edits of {3}")
    @CsvSource(delimiter = '|', value = {
            "동료 인 장동 련 | 동료인 장동련      | 0 | 6",
            "빅스비         | 베이비            | 2 | 3",
            "이천 십 팔 년  | 이 (천) 팔 년     | 1 | 5",
            "네            | [unk] 네          | 0 | 1",
            "네 맞아요      | ''                | 4 | 4",
            "''            | 네                | 1 | 0",
            "Yes, I do.    | yes i do          | 0 | 6",
    })
    void countsCharacterEditsIgnoringSpacingPunctuationCaseAndGarbage(String reference, String heard, long edits, long characters) {
        CharacterErrorRate rate = CharacterErrorRate.of(reference, heard);

        assertThat(rate.edits()).isEqualTo(edits);
        assertThat(rate.characters()).isEqualTo(characters);
    }

    @ParameterizedTest(name = "{0} + {1} edits")
    @CsvSource({"1, 4, 3, 6, 0.4", "0, 0, 0, 0, 0.0"})
    void aCorpusRateIsItsEditsOverItsCharacters(long e1, long c1, long e2, long c2, double rate) {
        assertThat(new CharacterErrorRate(e1, c1).plus(new CharacterErrorRate(e2, c2)).rate()).isEqualTo(rate);
    }
}
