package org.epicall.campaign.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RosterLineMapperTest {

    @ParameterizedTest(name = "[{0}] -> phone={1} name={2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "010-1,Kim                   | 010-1 | Kim",
            "`\"010-1\",\"Kim, Min\"`    | 010-1 | `Kim, Min`",
            "`010-1,\"Kim \"\"MJ\"\" \"` | 010-1 | `Kim \"MJ\" `",
            "`010-1,`                    | 010-1 | ``",
            "` 010-1 , Kim `             | 010-1 | Kim",
            "`010-1,\"Kim\nSeo\"`        | 010-1 | `Kim\nSeo`",
            "`010-1,김민준`               | 010-1 | 김민준",
    })
    void readsQuotedAndPlainCells(String record, String phone, String name) {
        RosterLineMapper mapper = new RosterLineMapper();
        mapper.handleLine("phone,name");

        RosterLine line = mapper.mapLine(record, 7);

        assertThat(line.field(RosterColumns.PHONE)).isEqualTo(phone);
        assertThat(line.field(RosterColumns.NAME)).isEqualTo(name.strip());
    }

    @ParameterizedTest(name = "header [{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\uFEFFphone,name", "Phone Number,Name", "MSISDN,tz,lang", "`\"tel\",\"full_name\"`", "name,extra,phone"})
    void acceptsCommonSpellingsOfThePhoneColumn(String header) {
        RosterLineMapper mapper = new RosterLineMapper();
        mapper.handleLine(header);
        String record = String.join(",", java.util.Collections.nCopies(header.split(",").length, "010"));

        assertThat(mapper.mapLine(record, 2).field(RosterColumns.PHONE)).isEqualTo("010");
    }

    @ParameterizedTest(name = "header [{0}]: {1}")
    @CsvSource(delimiter = '|', value = {
            "name,timezone    | line 1: no phone column in header 'name,timezone'",
            "phone,tel        | line 1: column 'tel' repeats the phone column",
            "'   '            | line 1: the header is empty",
    })
    void refusesHeadersItCannotUse(String header, String message) {
        assertThatThrownBy(() -> RosterColumns.parse(header))
                .isInstanceOf(RosterFormatException.class).hasMessageStartingWith(message);
    }

    @Test
    void reportsTheFirstLineOfARecordThatSpansSeveral() {
        assertThat(RosterLineMapper.firstLineOf("010-1,\"a\nb\nc\"", 12)).isEqualTo(10);
    }
}
