package org.epicall.campaign.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RosterCsvTest {

    private static final int LIMIT = 200;

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "010-1,Kim                   | [010-1, Kim]",
            "`\"010-1\",\"Kim, Min\"`    | [010-1, Kim, Min]",
            "`010-1,\"Kim \"\"MJ\"\" \"` | `[010-1, Kim \"MJ\" ]`",
            "`010-1,`                    | `[010-1, ]`",
            "` 010-1 , Kim `             | `[ 010-1 ,  Kim ]`",
            "`010-1,\"Kim\nSeo\"`        | `[010-1, Kim\nSeo]`",
            "`010-1,\"Kim\r\nSeo\"`      | `[010-1, Kim\nSeo]`",
            "`010-1,O\"Neil`             | `[010-1, O\"Neil]`",
            "`010-1,\"Kim\"Jr`           | `[010-1, KimJr]`",
            "`010-1,김민준`               | [010-1, 김민준]",
    })
    void readsPlainAndQuotedCells(String record, String cells) {
        assertThat(records(record + "\n")).containsExactly("1 " + cells);
    }

    @Test
    void countsLinesAcrossEveryKindOfLineBreakAndQuotedBreaks() {
        assertThat(records("a,b\r\nc,\"d\ne\"\rf,g\n\nh,i"))
                .containsExactly("1 [a, b]", "2 [c, d\ne]", "4 [f, g]", "5 []", "6 [h, i]");
    }

    @Test
    void aQuoteNeverClosedRejectsItsRowAndReadingGoesOnAtTheNextLine() {
        assertThat(records("010-1,Kim\n010-2,\"Lee\n010-3,Park\n010-4,Choi\n"))
                .containsExactly("1 [010-1, Kim]",
                        "2 rejected: quote opened here is never closed (no closing \" within 200 characters);"
                                + " close it, or double a quote inside a cell (\"\")",
                        "3 [010-3, Park]", "4 [010-4, Choi]");
    }

    @Test
    void aQuoteThatClosesOnlyBeyondTheLimitIsNeverClosedToo() {
        String far = "x,y\n".repeat(LIMIT);
        assertThat(records("1,\"open\n" + far + "2,\"close\"\n"))
                .startsWith("1 rejected: quote opened here is never closed (no closing \" within 200 characters);"
                        + " close it, or double a quote inside a cell (\"\")", "2 [x, y]")
                .hasSize(1 + LIMIT + 1)
                .endsWith((LIMIT + 2) + " [2, close]");
    }

    @Test
    void aRowLongerThanTheLimitIsRejectedAndTheNextReadWhole() {
        assertThat(records("1," + "a".repeat(LIMIT * 3) + "\n2,b\n"))
                .containsExactly("1 rejected: the row is longer than 200 characters; a roster row holds a phone"
                        + " number and a few short cells", "2 [2, b]");
    }

    @Test
    void oneStrayQuoteCostsLinearWorkHoweverLongTheRosterAfterIt() {
        StringBuilder roster = new StringBuilder("phone,name\n010-1000-0000,\"stray\n");
        for (int i = 1; i < 64_000; i++) {
            roster.append(String.format("010-1%03d-%04d,resident %d%n", i / 10_000, i % 10_000, i));
        }
        RosterCsv csv = new RosterCsv(new StringReader(roster.toString()), 4096);
        int records = 0;
        int rejected = 0;
        while (true) {
            try {
                if (csv.next() == null) {
                    break;
                }
                records++;
            } catch (UnreadableRecordException e) {
                rejected++;
            }
        }

        assertThat(rejected).isEqualTo(1);
        assertThat(records).isEqualTo(64_000);
        // The old reader re-scanned the growing record on every line: ~n²/2 characters here.
        assertThat(csv.charsRead()).isLessThanOrEqualTo(roster.length() + 4096L);
    }

    @Test
    void anEmptyHeaderIsRefused() {
        assertThatThrownBy(() -> RosterColumns.of(RosterCsv.cells(" ")))
                .isInstanceOf(RosterFormatException.class).hasMessageStartingWith("line 1: the header is empty");
    }

    private static List<String> records(String text) {
        RosterCsv csv = new RosterCsv(new StringReader(text), LIMIT);
        List<String> seen = new ArrayList<>();
        while (true) {
            try {
                RosterCsv.Record record = csv.next();
                if (record == null) {
                    return seen;
                }
                seen.add(record.line() + " " + (record.blank() ? "[]" : record.cells().toString()));
            } catch (UnreadableRecordException e) {
                seen.add(e.lineNumber() + " rejected: " + e.reason());
            }
        }
    }
}
