package org.epicall.campaign.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.epicall.campaign.config.CampaignProperties;
import org.epicall.campaign.lifecycle.CampaignRepository;
import org.epicall.campaign.testsupport.CampaignTest;
import org.epicall.campaign.testsupport.TestCampaigns;
import org.epicall.campaign.testsupport.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

@CampaignTest
class RosterPreviewTest {

    /** One row of each kind the import rejects, and rows it takes as they are written. */
    private static final String ROSTER = "\uFEFFphone,name,timezone,language,ward\n"   // 1, with BOM
            + "010-1234-5678,\"Kim, Min-jun\",,,3\n"                                 // 2 quoted comma
            + "010-12,Lee,,,3\n"                                                     // 3 invalid
            + "+1 212 555 0100,Smith,America/New_York,en,4\n"                         // 4
            + "01012345678,Kim again,,,3\n"                                          // 5 duplicate of 2
            + "010-7777-0000,Park,,,5\n"                                             // 6 do-not-call
            + "010-2222-3333,Choi,Mars/Base,,5\n"                                    // 7 bad zone
            + "010-4444-5555,\"Jung\nSeo-yeon\",,ko,6\n"                             // 8-9 multi-line cell
            + "010-8888-1111,too,many,fields,here,now\n"                             // 10 field count
            + "\n"                                                                   // 11 blank
            + "010-3333-4444,Yoon,,english,6\n";                                     // 12 bad language

    @Autowired RosterPreview preview;
    @Autowired RosterImporter importer;
    @Autowired CampaignRepository campaigns;
    @Autowired RosterRejects rejects;
    @Autowired DoNotCallList doNotCall;
    @TempDir Path dir;

    @Test
    void rejectsExactlyTheRowsTheImportRejectsForTheSameReasons() throws IOException {
        doNotCall.add("010-7777-0000", "KR", "asked not to be called");
        Path roster = write(ROSTER);
        String campaignId = TestCampaigns.draft(campaigns, TestClockConfiguration.START);

        RosterPreview.Result result = preview.preview(roster, "KR", "ko");
        importer.run(campaignId, roster, "KR", "ko");

        assertThat(result.rejects()).containsExactlyElementsOf(rejects.list(campaignId, 0, 100));
        assertThat(result.rejects()).extracting(RosterReject::toString).containsExactly(
                "line 3: phone '010-12' is not a valid KR number",
                "line 5: phone +821012345678 duplicates line 2",
                "line 6: phone +821077770000 is on the do-not-call list",
                "line 7: timezone 'Mars/Base' is not an IANA time zone such as Asia/Seoul or America/New_York",
                "line 10: expected 5 fields as in the header but found 6",
                "line 12: language 'english' is not a language code such as ko or en");
        assertThat(result.rows()).isEqualTo(9);
        assertThat(result.valid()).isEqualTo(3);
        assertThat(result.rejected()).isEqualTo(6);
        assertThat(result.complete()).isTrue();
    }

    @Test
    void showsTheFirstRowsAsWrittenAndAsTheyWillBeCalled() throws IOException {
        RosterPreview.Result result = preview.preview(write(ROSTER), "KR", "ko");

        assertThat(result.columns()).containsExactly("phone", "name", "timezone", "language", "ward");
        assertThat(result.firstRows()).hasSize(9);
        RosterPreview.Row first = result.firstRows().getFirst();
        assertThat(first.lineNumber()).isEqualTo(2);
        assertThat(first.cells()).containsEntry("phone", "010-1234-5678").containsEntry("name", "Kim, Min-jun")
                .containsEntry("ward", "3");
        assertThat(first.phone()).isEqualTo("+821012345678");
        assertThat(first.timeZone()).isEqualTo("Asia/Seoul");
        assertThat(first.language()).isEqualTo("ko");
        assertThat(first.rejection()).isNull();
        RosterPreview.Row invalid = result.firstRows().get(1);
        assertThat(invalid.lineNumber()).isEqualTo(3);
        assertThat(invalid.phone()).isNull();
        assertThat(invalid.rejection()).isEqualTo("phone '010-12' is not a valid KR number");
    }

    @Test
    void saysWhenItStoppedBeforeTheEndOfALongRoster() throws IOException {
        CampaignProperties twoRows = new Binder(new MapConfigurationPropertySource(
                Map.of("epicall.campaign.roster.preview-rows", "2")))
                .bindOrCreate("epicall.campaign", CampaignProperties.class);

        RosterPreview.Result result = new RosterPreview(doNotCall, new ContactReferences(new byte[32]), twoRows)
                .preview(write("phone\n010-1000-0001\n010-1000-0002\n010-1000-0003\n"), "KR", "ko");

        assertThat(result.rows()).isEqualTo(2);
        assertThat(result.complete()).isFalse();
    }

    @Test
    void aFileThatCannotBeARosterIsRefusedAsTheImportRefusesIt() throws IOException {
        Path noPhone = write("name,timezone\nKim,Asia/Seoul\n");

        assertThatThrownBy(() -> preview.preview(noPhone, "KR", "ko"))
                .isInstanceOfSatisfying(RosterFormatException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(1);
                    assertThat(e.field()).isEqualTo("phone");
                });
    }

    private Path write(String csv) throws IOException {
        Path file = Files.createTempFile(dir, "roster-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }
}
