package org.epicall.campaign.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.epicall.campaign.lifecycle.CampaignRepository;
import org.epicall.campaign.testsupport.CampaignTest;
import org.epicall.campaign.testsupport.CrashOnceTrigger;
import org.epicall.campaign.testsupport.TestCampaigns;
import org.epicall.campaign.testsupport.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CampaignTest
class RosterImportJobTest {

    @Autowired RosterImporter importer;
    @Autowired CampaignRepository campaigns;
    @Autowired DoNotCallList doNotCall;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    @AfterEach
    void disarmCrash() {
        CrashOnceTrigger.CRASH_AT_LINE.set(0);
        jdbc.sql("DROP TRIGGER IF EXISTS crash_once").update();
    }

    @Test
    void importsGoodRowsAndReportsEachBadRowWithItsLineAndReason() throws IOException {
        doNotCall.add("010-9999-0000", "KR", "asked not to be called");
        String csv = "\uFEFFphone,name,timezone,language\n"                      // 1, with BOM
                + "010-1234-5678,\"Kim, Min-jun\",,\n"                          // 2 quoted comma
                + "010-12,Lee,,\n"                                               // 3 invalid
                + "+1 212 555 0100,\"Smith \"\"Jo\"\"\",America/New_York,en\n"  // 4 escaped quotes
                + "01012345678,Kim again,,\n"                                    // 5 duplicate of 2
                + "010-9999-0000,Park,,\n"                                       // 6 do-not-call
                + "010-2222-3333,Choi,Mars/Base,\n"                              // 7 bad zone
                + "010-4444-5555,\"Jung\nSeo-yeon\",,ko\n"                       // 8-9 multi-line cell
                + "010-6666-7777,Han,,\n"                                        // 10
                + "010-8888-1111,too,many,fields,here\n"                         // 11 field count
                + "\n"                                                           // 12 blank
                + "010-3333-4444,Yoon,,english\n";                               // 13 bad language
        Path roster = write(csv);
        String campaignId = TestCampaigns.draft(campaigns, TestClockConfiguration.START);

        ImportSummary summary = importer.run(campaignId, roster, "KR", "ko");

        assertThat(summary.completed()).isTrue();
        assertThat(contacts(campaignId)).containsExactly(
                "2 +821012345678 Kim, Min-jun Asia/Seoul ko",
                "4 +12125550100 Smith \"Jo\" America/New_York en",
                "8 +821044445555 Jung\nSeo-yeon Asia/Seoul ko",
                "10 +821066667777 Han Asia/Seoul ko");
        assertThat(rejects(campaignId)).containsExactly(
                "line 3: phone '010-12' is not a valid KR number",
                "line 5: phone +821012345678 duplicates line 2",
                "line 6: phone +821099990000 is on the do-not-call list",
                "line 7: timezone 'Mars/Base' is not an IANA time zone such as Asia/Seoul or America/New_York",
                "line 11: expected 4 fields as in the header but found 5",
                "line 13: language 'english' is not a language code such as ko or en");
    }

    @Test
    void aStrayQuoteCostsItsOwnRowOnly() throws IOException {
        StringBuilder csv = new StringBuilder("phone,name\n010-1234-0000,\"Kim\n");
        for (int i = 1; i < 300; i++) {
            csv.append(String.format("010-1234-%04d,resident %d%n", i, i));
        }
        String campaignId = TestCampaigns.draft(campaigns, TestClockConfiguration.START);

        ImportSummary summary = importer.run(campaignId, write(csv.toString()), "KR", "ko");

        assertThat(summary.completed()).isTrue();
        assertThat(summary.imported()).isEqualTo(299);
        assertThat(rejects(campaignId)).singleElement().asString()
                .startsWith("line 2: quote opened here is never closed");
    }

    @Test
    void resumesAfterACrashMidImportWithoutDuplicatesOrLosses() throws IOException {
        StringBuilder csv = new StringBuilder("phone,name\n");
        int rows = 2_500;
        for (int i = 0; i < rows; i++) {
            // Every 100th row is bad, so rejects are exercised on both sides of the crash.
            csv.append(i % 100 == 7 ? "12345" : String.format("010-%04d-%04d", 1000 + i / 10_000, i % 10_000))
                    .append(",resident ").append(i).append('\n');
        }
        Path roster = write(csv.toString());
        String campaignId = TestCampaigns.draft(campaigns, TestClockConfiguration.START);
        jdbc.sql("CREATE TRIGGER crash_once BEFORE INSERT ON contact FOR EACH ROW CALL \""
                + CrashOnceTrigger.class.getName() + "\"").update();
        CrashOnceTrigger.CRASH_AT_LINE.set(1_234);

        ImportSummary crashed = importer.run(campaignId, roster, "KR", "ko");
        List<String> storedAfterCrash = contacts(campaignId);
        // A killed process leaves its execution marked running; the importer must cope with that too.
        jdbc.sql("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL").update();
        jdbc.sql("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL").update();
        ImportSummary resumed = importer.run(campaignId, roster, "KR", "ko");

        assertThat(crashed.status()).isEqualTo("FAILED");
        // The other partition may have finished; the crashed one stopped before line 1,234.
        assertThat(crashed.imported()).isBetween(1L, (long) rows - rows / 100 - 1);
        assertThat(storedAfterCrash).noneMatch(contact -> contact.startsWith("1234 "));
        assertThat(resumed.completed()).isTrue();
        assertThat(resumed.imported()).isEqualTo(rows - rows / 100);
        assertThat(resumed.rejected()).isEqualTo(rows / 100);
        long distinctLines = jdbc.sql("SELECT COUNT(DISTINCT line_number) FROM contact WHERE campaign_id = ?")
                .param(campaignId).query(Long.class).single();
        assertThat(distinctLines).isEqualTo(resumed.imported());
    }

    @Test
    void keepsTheFirstLineOfANumberWhoseDuplicatesSpanPartitions() throws IOException {
        int rows = 2_000;
        String[] phones = distinctPhones(rows);
        // Partition 0 holds lines 2-1001, partition 1 lines 1002-2001. Line 992's number comes again at the
        // start of partition 1 (which reads it almost at once), later in partition 1, and later in partition 0.
        phones[1000] = phones[990];
        phones[1500] = phones[990];
        phones[995] = phones[990];
        Path roster = write(roster(phones));
        String campaignId = TestCampaigns.draft(campaigns, TestClockConfiguration.START);

        ImportSummary summary = importer.run(campaignId, roster, "KR", "ko");

        String e164 = "+82" + phones[990].substring(1).replace("-", "");
        assertThat(summary.completed()).isTrue();
        assertThat(summary.imported()).isEqualTo(rows - 3);
        assertThat(contacts(campaignId)).filteredOn(contact -> contact.contains(e164))
                .containsExactly("992 " + e164 + " resident 990 Asia/Seoul ko");
        assertThat(rejects(campaignId)).containsExactly(
                "line 997: phone " + e164 + " duplicates line 992",
                "line 1002: phone " + e164 + " duplicates line 992",
                "line 1502: phone " + e164 + " duplicates line 992");
    }

    @Test
    void resumedImportRejectsADuplicateAcrossPartitionsOnceCitingTheFirstLine() throws IOException {
        int rows = 2_500;
        String[] phones = distinctPhones(rows);
        // Line 1,250 is in the chunk the crash at line 1,234 rolls back (partition 0 ends at line 1,251); its
        // number comes again at lines 1,300 and 2,000, in partition 1, which most likely stores it first.
        phones[1298] = phones[1248];
        phones[1998] = phones[1248];
        Path roster = write(roster(phones));
        String campaignId = TestCampaigns.draft(campaigns, TestClockConfiguration.START);
        jdbc.sql("CREATE TRIGGER crash_once BEFORE INSERT ON contact FOR EACH ROW CALL \""
                + CrashOnceTrigger.class.getName() + "\"").update();
        CrashOnceTrigger.CRASH_AT_LINE.set(1_234);

        ImportSummary crashed = importer.run(campaignId, roster, "KR", "ko");
        ImportSummary resumed = importer.run(campaignId, roster, "KR", "ko");

        String e164 = "+82" + phones[1248].substring(1).replace("-", "");
        assertThat(crashed.status()).isEqualTo("FAILED");
        assertThat(resumed.completed()).isTrue();
        assertThat(resumed.imported()).isEqualTo(rows - 2);
        assertThat(contacts(campaignId)).filteredOn(contact -> contact.contains(e164))
                .containsExactly("1250 " + e164 + " resident 1248 Asia/Seoul ko");
        assertThat(rejects(campaignId)).containsExactly(
                "line 1300: phone " + e164 + " duplicates line 1250",
                "line 2000: phone " + e164 + " duplicates line 1250");
    }

    @Test
    void secondRunOfACompletedImportChangesNothing() throws IOException {
        Path roster = write("phone\n010-1234-5678\n010-1234-5679\nnope\n");
        String campaignId = TestCampaigns.draft(campaigns, TestClockConfiguration.START);

        importer.run(campaignId, roster, "KR", "ko");
        ImportSummary again = importer.run(campaignId, roster, "KR", "ko");

        assertThat(again.imported()).isEqualTo(2);
        assertThat(again.rejected()).isEqualTo(1);
    }

    private static String[] distinctPhones(int rows) {
        String[] phones = new String[rows];
        for (int i = 0; i < rows; i++) {
            phones[i] = String.format("010-%04d-%04d", 1000 + i / 10_000, i % 10_000);
        }
        return phones;
    }

    /** Row {@code i} (line {@code i + 2}) has phone {@code phones[i]} and name "resident i". */
    private static String roster(String[] phones) {
        StringBuilder csv = new StringBuilder("phone,name\n");
        for (int i = 0; i < phones.length; i++) {
            csv.append(phones[i]).append(",resident ").append(i).append('\n');
        }
        return csv.toString();
    }

    private List<String> contacts(String campaignId) {
        return jdbc.sql("SELECT line_number, phone_e164, display_name, zone_id, language FROM contact"
                        + " WHERE campaign_id = ? ORDER BY line_number").param(campaignId)
                .query((rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getString(4) + " " + rs.getString(5))
                .list();
    }

    private List<String> rejects(String campaignId) {
        return new RosterRejectsView(jdbc).lines(campaignId);
    }

    private Path write(String csv) throws IOException {
        Path file = Files.createTempFile(dir, "roster", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private record RosterRejectsView(JdbcClient jdbc) {
        List<String> lines(String campaignId) {
            return new RosterRejects(jdbc).list(campaignId, 0, 1000).stream().map(RosterReject::toString).toList();
        }
    }
}
