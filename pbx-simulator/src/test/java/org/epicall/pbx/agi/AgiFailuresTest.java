package org.epicall.pbx.agi;

import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.epicall.pbx.sound.MissingSounds;
import org.epicall.pbx.support.AmiTestClient;
import org.epicall.pbx.support.InteractiveAgiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands that fail on a live channel answer at once and leave the script's AGISTATUS FAILURE, as Asterisk's
 * (agi-23, agi-24): a prompt that is not installed, a recording into a directory the Asterisk user may not write.
 */
class AgiFailuresTest {

    private static final String RESIDENT = "+821000000001";

    @TempDir
    Path recordings;

    private InteractiveAgiServer agi;
    private PbxSimulator pbx;
    private AmiTestClient ami;

    @BeforeEach
    void agiServer() throws Exception {
        agi = new InteractiveAgiServer();
    }

    @AfterEach
    void stop() throws Exception {
        if (ami != null) {
            ami.close();
        }
        if (pbx != null) {
            pbx.close();
        }
        agi.close();
    }

    private InteractiveAgiServer.Connection call(UnaryOperator<PbxConfig.Builder> config) throws Exception {
        pbx = PbxSimulator.start(config.apply(PbxConfig.builder().timeScale(50).agi(agi.url("survey"))
                .residents(ResidentDirectory.of(List.of(Resident.of(RESIDENT, Behaviour.ANSWER))))).build());
        ami = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true);
        ami.send("Action: Originate", "ActionID: o-1", "Channel: Local/" + RESIDENT + "@residents",
                "Context: survey", "Exten: s", "Priority: 1", "Async: true");
        return agi.accept();
    }

    private String agiStatusOnceClosed(InteractiveAgiServer.Connection call) throws Exception {
        call.close();
        return ami.awaitEvent("VarSet", e -> "AGISTATUS".equals(e.get("Variable"))).get("Value");
    }

    private Path directory(String name, String permissions) throws Exception {
        Path directory = recordings.resolve(name);
        Files.createDirectory(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(permissions));
        return directory;
    }

    @Test
    void shouldFailAtOnceToRecordIntoADirectoryTheDialerMadeWithMode0755() throws Exception {
        Path campaign = directory("campaign-1", "rwxr-xr-x");
        InteractiveAgiServer.Connection call = call(c -> c.asteriskUser(AsteriskUser.OTHER_USER_IN_GROUP));

        assertThat(call.reply("RECORD FILE " + campaign.resolve("a-1") + " wav \"#\" 10000 0 s=2"))
                .isEqualTo("200 result=-1 (writefile)");
        assertThat(call.reply("GET VARIABLE CHANNEL")).startsWith("200 result=1 (Local/");
        assertThat(ami.awaitEvent("AGIExecEnd", e -> e.get("Command").startsWith("RECORD FILE")))
                .containsEntry("ResultCode", "-1").containsEntry("Result", "Failure");
        assertThat(agiStatusOnceClosed(call)).isEqualTo("FAILURE");
        assertThat(campaign.resolve("a-1.wav")).doesNotExist();
    }

    @Test
    void shouldRecordIntoAGroupWritableDirectoryAsAnotherUserOfTheGroup() throws Exception {
        Path campaign = directory("campaign-2", "rwxrwxr-x");
        InteractiveAgiServer.Connection call = call(c -> c.asteriskUser(AsteriskUser.OTHER_USER_IN_GROUP));

        assertThat(call.reply("RECORD FILE " + campaign.resolve("a-1") + " wav \"#\" 10000 0 s=2"))
                .endsWith("(timeout) endpos=8000");
        assertThat(agiStatusOnceClosed(call)).isEqualTo("SUCCESS");
        assertThat(campaign.resolve("a-1.wav")).exists();
    }

    @Test
    void shouldAnswerAMissingPromptWithMinusOneAndNoLengthAndGoOn() throws Exception {
        InteractiveAgiServer.Connection call = call(c -> c);

        assertThat(call.reply("STREAM FILE epicall/covid/ko/intro \"\"")).isEqualTo("200 result=-1 endpos=0");
        assertThat(call.reply("GET VARIABLE PLAYBACKSTATUS")).isEqualTo("200 result=0");
        assertThat(call.reply("STREAM FILE silence/1 \"\"")).isEqualTo("200 result=0 endpos=8000");
        assertThat(agiStatusOnceClosed(call)).isEqualTo("FAILURE");
    }

    @Test
    void shouldPlayAMissingPromptForTheStandInLengthOnlyUnderMissingSoundsPlay() throws Exception {
        InteractiveAgiServer.Connection call = call(c -> c.missingSounds(MissingSounds.PLAY));

        assertThat(call.reply("STREAM FILE epicall/covid/ko/intro \"\"")).isEqualTo("200 result=0 endpos=12000");
        assertThat(agiStatusOnceClosed(call)).isEqualTo("SUCCESS");
    }
}
