package org.epicall.campaign.api;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rejects reasons and import failures an analyst reads, with the roster's values hidden. */
class RosterValuesTest {

    @Property
    void hidesAnyQuotedCellWhateverItHolds(@ForAll String cell, @ForAll("quotingReasons") String reason) {
        assertThat(RosterValues.hide(reason.replace("{}", cell))).isEqualTo(reason.replace("'{}'", "[hidden]"));
    }

    @Property
    void hidesNormalisedNumbersButKeepsLineNumbers(@ForAll("e164") String number,
                                                   @ForAll @IntRange(min = 1, max = 9_999_999) int line,
                                                   @ForAll @IntRange(min = 1, max = 9_999_999) int firstLine) {
        String reason = "line " + line + ": phone " + number + " duplicates line " + firstLine;

        assertThat(RosterValues.hide(reason))
                .isEqualTo("line " + line + ": phone [hidden] duplicates line " + firstLine);
    }

    @Property
    void hidesNumbersInTheOtherReasonsThatNameThem(@ForAll("e164") String number) {
        assertThat(RosterValues.hide("phone " + number + " is on the do-not-call list"))
                .isEqualTo("phone [hidden] is on the do-not-call list");
        assertThat(RosterValues.hide("phone " + number + " does not tell its time zone (candidates: America/Chicago,"
                + " America/New_York); fill the timezone column"))
                .isEqualTo("phone [hidden] does not tell its time zone (candidates: America/Chicago,"
                        + " America/New_York); fill the timezone column");
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone is empty", "name is 201 characters long; at most 200 are allowed",
            "expected 4 fields as in the header but found 5", "a quoted field is never closed (missing \")"})
    void leavesReasonsWithoutRosterValuesAsTheyAre(String reason) {
        assertThat(RosterValues.hide(reason)).isEqualTo(reason);
    }

    @Provide
    Arbitrary<String> quotingReasons() {
        return Arbitraries.of("phone '{}' is not a valid KR number", "phone '{}' is not a phone number (not a number)",
                "timezone '{}' is not an IANA time zone such as Asia/Seoul or America/New_York",
                "language '{}' is not a language code such as ko or en");
    }

    @Provide
    Arbitrary<String> e164() {
        return Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(15).map(digits -> "+" + digits);
    }
}
