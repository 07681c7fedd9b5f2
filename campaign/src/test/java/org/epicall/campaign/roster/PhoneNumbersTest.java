package org.epicall.campaign.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "010-1234-5678      | KR | +821012345678",
            "01012345678        | KR | +821012345678",
            "010 1234 5678      | KR | +821012345678",
            "(010) 1234-5678    | KR | +821012345678",
            "+82 10-1234-5678   | KR | +821012345678",
            "02-312-3456        | KR | +8223123456",
            "+1 (212) 555-0100  | KR | +12125550100",
            "212-555-0100       | US | +12125550100",
            "030 1234567        | DE | +49301234567",
            "'  010-1234-5678 ' | KR | +821012345678",
    })
    void normalisesToE164(String written, String region, String e164) {
        assertThat(PhoneNumbers.e164(PhoneNumbers.parse(written, region))).isEqualTo(e164);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "010-12        | KR | phone '010-12' is not a valid KR number",
            "''            | KR | phone is empty",
            "hello         | KR | phone 'hello' is not a phone number (not a number)",
            "+1 555        | KR | phone '+1 555' is not a valid US number",
            "+999 1234567  | KR | phone '+999 1234567' is not a phone number (invalid country code)",
    })
    void explainsWhyANumberCannotBeDialled(String written, String region, String reason) {
        assertThatThrownBy(() -> PhoneNumbers.parse(written, region))
                .isInstanceOf(InvalidPhoneNumberException.class).hasMessage(reason);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"+821012345678, Asia/Seoul", "+12125550100, America/New_York", "+493012345678, Europe/Berlin"})
    void derivesTheTimeZoneFromTheNumber(String e164, String zone) {
        assertThat(PhoneNumbers.zoneOf(PhoneNumbers.parse(e164, "KR"))).contains(ZoneId.of(zone));
    }

    @ParameterizedTest
    @CsvSource({"+18005550100", "+79123456789"})
    void givesNoZoneWhenTheNumberSpansSeveral(String e164) {
        assertThat(PhoneNumbers.zoneOf(PhoneNumbers.parse(e164, "KR"))).isEmpty();
    }

    /** The numbering plan leaves some 010 blocks unassigned (e.g. 010-597x); those are the plan's call, not ours. */
    @Property(tries = 500)
    void anyAssignedKoreanMobileNumberNormalisesTheSameWhateverTheSeparators(
            @ForAll @IntRange(min = 1000, max = 9999) int middle, @ForAll @IntRange(min = 0, max = 9999) int last,
            @ForAll("separators") String separator, @ForAll boolean international) {
        Assume.that(assignedInTheKoreanPlan(String.format("010%04d%04d", middle, last)));
        String digits = String.format("%04d%s%04d", middle, separator, last);
        String written = (international ? "+82" + separator + "10" : "010") + separator + digits;
        assertThat(PhoneNumbers.e164(PhoneNumbers.parse(written, "KR")))
                .isEqualTo(String.format("+8210%04d%04d", middle, last));
    }

    @ParameterizedTest
    @CsvSource({"010-5970-0000", "+82 10 5970 0000", "01059701234"})
    void rejectsAMobileNumberFromAnUnassignedBlock(String written) {
        assertThatThrownBy(() -> PhoneNumbers.parse(written, "KR"))
                .isInstanceOf(InvalidPhoneNumberException.class)
                .hasMessage("phone '" + written + "' is not a valid KR number");
    }

    private static boolean assignedInTheKoreanPlan(String nationalDigits) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            return util.isValidNumber(util.parse(nationalDigits, "KR"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    @Property(tries = 1000)
    void arbitraryTextIsEitherANumberOrAnExplainedRejection(@ForAll String text) {
        try {
            String e164 = PhoneNumbers.e164(PhoneNumbers.parse(text, "KR"));
            assertThat(e164).matches("\\+[1-9]\\d{6,14}");
        } catch (InvalidPhoneNumberException rejected) {
            assertThat(rejected.getMessage()).startsWith("phone ");
        }
    }

    @Property(tries = 2000)
    void compactingSeparatorsNeverChangesWhatLibphonenumberReads(@ForAll("dialledText") String text,
                                                                 @ForAll("regions") String region) {
        assertThat(readByLibphonenumber(PhoneNumbers.withoutSeparators(text), region))
                .isEqualTo(readByLibphonenumber(text, region));
    }

    private static String readByLibphonenumber(String text, String region) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber number = util.parse(text, region);
            return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) + " valid=" + util.isValidNumber(number);
        } catch (NumberParseException e) {
            return e.getErrorType().name();
        }
    }

    /**
     * Numbers near every region's example numbers of every type (last digits replaced, maybe some added),
     * valid or not:
     * {@link PhoneNumbers#read} keeps libphonenumber's validity and {@link PhoneNumbers#zoneOf(ValidPhoneNumber)}
     * its time zone, though each classifies the number once where libphonenumber's own calls do it twice.
     */
    @Property(tries = 3000)
    void readingOnceGivesLibphonenumbersValidityAndZone(@ForAll("nearExampleNumbers") String e164) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        Phonenumber.PhoneNumber number;
        try {
            number = util.parse(e164, "ZZ");
        } catch (NumberParseException e) {
            return;
        }
        boolean valid = util.isValidNumber(number);
        net.jqwik.api.statistics.Statistics.label("valid").collect(valid);
        net.jqwik.api.statistics.Statistics.label("geographical").collect(valid
                && util.isNumberGeographical(util.getNumberType(number), number.getCountryCode()));

        assertThat(util.getNumberType(number) != PhoneNumberUtil.PhoneNumberType.UNKNOWN).isEqualTo(valid);
        if (valid) {
            ValidPhoneNumber read = PhoneNumbers.read(e164, "ZZ");
            assertThat(PhoneNumbers.zoneOf(read)).isEqualTo(PhoneNumbers.zoneOf(number));
        } else {
            assertThatThrownBy(() -> PhoneNumbers.read(e164, "ZZ")).isInstanceOf(InvalidPhoneNumberException.class);
        }
        // Not vacuous: many of the numbers are valid, and both kinds of zone lookup are exercised.
        net.jqwik.api.statistics.Statistics.label("valid")
                .coverage(coverage -> {
                    coverage.check(true).percentage(p -> p > 20);
                    coverage.check(false).percentage(p -> p > 10);
                });
        net.jqwik.api.statistics.Statistics.label("geographical")
                .coverage(coverage -> {
                    coverage.check(true).percentage(p -> p > 5);
                    coverage.check(false).percentage(p -> p > 5);
                });
    }

    @Provide
    Arbitrary<String> nearExampleNumbers() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        java.util.List<String> examples = new java.util.ArrayList<>();
        for (String region : util.getSupportedRegions()) {
            for (PhoneNumberUtil.PhoneNumberType type : PhoneNumberUtil.PhoneNumberType.values()) {
                Phonenumber.PhoneNumber example = util.getExampleNumberForType(region, type);
                if (example != null) {
                    examples.add(util.format(example, PhoneNumberUtil.PhoneNumberFormat.E164));
                }
            }
        }
        return net.jqwik.api.Combinators.combine(Arbitraries.of(examples),
                        Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(6),
                        Arbitraries.of("", "", "", "0", "12"))
                .as((example, tail, extra) -> example.substring(0, Math.max(4, example.length() - tail.length()))
                        + tail + extra);
    }

    @Provide
    Arbitrary<String> dialledText() {
        return Arbitraries.strings().withChars("0123456789-. +").ofMinLength(1).ofMaxLength(24)
                .filter(text -> !text.isBlank());
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of("KR", "US", "DE", "GB");
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("", " ", "-", ".", " - ");
    }
}
