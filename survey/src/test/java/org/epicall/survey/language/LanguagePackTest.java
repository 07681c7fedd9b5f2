package org.epicall.survey.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguagePackTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ko", "en"})
    void shouldLoadEveryShippedPack(String language) {
        LanguagePack pack = LanguagePack.forLanguage(language);

        assertThat(pack.language()).isEqualTo(language);
        assertThat(pack.yesNo().yes()).isNotEmpty();
        assertThat(pack.yesNo().no()).isNotEmpty();
        assertThat(pack.numbers().digits()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(pack.choices().synonyms()).containsKeys("cough", "sore_throat", "short_breath", "taste_smell_loss", "none");
    }

    @Test
    void shouldShareOneInstancePerShippedPack() {
        assertThat(LanguagePack.forLanguage("ko")).isSameAs(LanguagePack.forLanguage("ko"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ko", "en"})
    void noPhraseShouldMeanBothYesAndNo(String language) {
        YesNoWords words = LanguagePack.forLanguage(language).yesNo();
        Set<String> yes = new HashSet<>(words.anyYes());

        assertThat(words.anyNo()).noneMatch(yes::contains);
        assertThat(words.unsure()).noneMatch(yes::contains).noneMatch(words.anyNo()::contains);
        assertThat(words.neutral()).noneMatch(yes::contains).noneMatch(words.anyNo()::contains);
        assertThat(words.politeDeclines()).noneMatch(yes::contains).noneMatch(words.anyNo()::contains);
        assertThat(words.questions()).noneMatch(yes::contains).noneMatch(words.anyNo()::contains);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ko", "en"})
    void everyNegatablePhraseShouldBeAYesPhrase(String language) {
        YesNoWords words = LanguagePack.forLanguage(language).yesNo();

        assertThat(words.anyYes()).containsAll(words.negatable());
    }

    @Test
    void koreanShouldTreatThereIsAsYesAndThereIsNoneAsNo() {
        YesNoWords words = LanguagePack.forLanguage("ko").yesNo();

        assertThat(words.yes()).contains("네", "예", "맞아요", "응");
        assertThat(words.factYes()).contains("있어요");
        assertThat(words.no()).contains("아니요", "아뇨");
        assertThat(words.factNo()).contains("없어요", "없습니다", "안 했어요");
        assertThat(LanguagePack.forLanguage("ko").fillers()).contains("음", "어");
    }

    @Test
    void englishShouldKnowTheBriefsPhrases() {
        LanguagePack english = LanguagePack.forLanguage("en");

        assertThat(english.yesNo().yes()).contains("yes", "yeah");
        assertThat(english.yesNo().no()).contains("no", "nope", "i have not", "not really");
        assertThat(english.fillers()).contains("uh");
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "네.                | 네",
            "Yes, I HAVE!       | yes i have",
            "thirty-seven       | thirty seven",
            "37.5도             | 37.5 도",
            "37.5°C             | 37.5 c",
            "3일 전             | 3 일 전",
            "I haven’t          | i haven't",
            "[unk] 네           | [unk] 네",
            "end.               | end",
            "'  음   어  '      | 음 어",
    })
    void shouldTokeniseLikeARecogniserWrites(String text, String expected) {
        assertThat(String.join(" ", LanguagePack.tokenize(text))).isEqualTo(expected);
    }

    @Test
    void shouldTokeniseNothingToNoTokens() {
        assertThat(LanguagePack.tokenize(null)).isEmpty();
        assertThat(LanguagePack.tokenize(" .,!? ")).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownLanguageSayingWhichExist() {
        assertThatThrownBy(() -> LanguagePack.forLanguage("fr"))
                .isInstanceOf(LanguagePackException.class)
                .hasMessageContaining("No language pack 'fr'")
                .hasMessageContaining("[ko, en]");
    }

    @Test
    void shouldLoadACustomPackFromAFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("xx.yaml");
        Files.writeString(file, """
                language: xx
                numerals: english
                yes_no: {"yes": [ja], "no": [nein]}
                numbers:
                  digits: {null: 0, eins: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9}
                  multipliers: {hundert: 100}
                  point: [komma]
                days: {day_units: [tage]}
                """);

        LanguagePack pack = LanguagePack.load(file);

        assertThat(pack.yesNo().yes()).containsExactly("ja");
        assertThat(pack.numerals()).isEqualTo(NumeralSystem.ENGLISH);
        assertThat(pack.choices().synonyms()).isEmpty();
    }

    @Test
    void shouldNameTheFileAndFieldOfABrokenPack(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("broken.yaml");
        Files.writeString(file, """
                language: xx
                numerals: roman
                """);

        assertThatThrownBy(() -> LanguagePack.load(file))
                .isInstanceOf(LanguagePackException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("roman");
    }

    @Test
    void shouldNameAMissingRequiredList(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("no-yes.yaml");
        Files.writeString(file, """
                language: xx
                numerals: english
                yes_no: {"no": [nein]}
                numbers: {digits: {eins: 1}, multipliers: {hundert: 100}, point: [komma]}
                days: {day_units: [tage]}
                """);

        assertThatThrownBy(() -> LanguagePack.load(file))
                .isInstanceOf(LanguagePackException.class)
                .hasMessageContaining("no-yes.yaml")
                .hasMessageContaining("yes_no.yes");
    }

    @Test
    void shouldNameAMissingFile(@TempDir Path directory) {
        assertThatThrownBy(() -> LanguagePack.load(directory.resolve("none.yaml")))
                .isInstanceOf(LanguagePackException.class)
                .hasMessageContaining("none.yaml");
    }

    @Test
    void shippedListShouldNameTheShippedPacks() {
        assertThat(LanguagePack.SHIPPED).isEqualTo(List.of("ko", "en"));
    }
}
