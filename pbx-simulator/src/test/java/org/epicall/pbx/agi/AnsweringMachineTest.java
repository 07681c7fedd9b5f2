package org.epicall.pbx.agi;

import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.call.Dialplan;
import org.epicall.pbx.call.Dialplan.App;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.epicall.pbx.support.AmiTestClient;
import org.epicall.pbx.support.InteractiveAgiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A survey context that runs {@code AMD()} before its FastAGI script, as deploy/asterisk/extensions.conf does: the
 * script reads what AMD concluded from AMDSTATUS and AMDCAUSE, and the voicemail persona is what AMD calls a
 * machine (agi-28, ami-28).
 */
class AnsweringMachineTest {

    private InteractiveAgiServer agi;
    private PbxSimulator pbx;
    private AmiTestClient ami;

    @BeforeEach
    void start() throws Exception {
        agi = new InteractiveAgiServer();
        Dialplan dialplan = Dialplan.survey(agi.url("survey")).withSurveyContext("survey-amd",
                Dialplan.Context.of(App.noOp("epicall survey"), App.amd(), App.agi(agi.url("survey")), App.hangup()));
        pbx = PbxSimulator.start(PbxConfig.builder().timeScale(50).dialplan(dialplan)
                .residents(ResidentDirectory.of(List.of(
                        Resident.of("+821000000001", Behaviour.ANSWER),
                        Resident.of("+821000000002", Behaviour.MACHINE),
                        Resident.of("+821000000003", Behaviour.SILENT),
                        Resident.of("+821000000004", Behaviour.MACHINE).answeringAfter(1))))
                .build());
        ami = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true);
    }

    @AfterEach
    void stop() throws Exception {
        ami.close();
        pbx.close();
        agi.close();
    }

    private InteractiveAgiServer.Connection call(String number) throws Exception {
        ami.send("Action: Originate", "ActionID: o-" + number, "Channel: Local/" + number + "@residents",
                "Context: survey-amd", "Exten: s", "Priority: 1", "Async: true");
        return agi.accept();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "+821000000001, HUMAN, HUMAN-803-800",
            "+821000000002, MACHINE, LONGGREETING-1500-1500",
            "+821000000003, MACHINE, INITIALSILENCE-2500-2500",
    })
    void shouldLetTheScriptReadWhatAmdConcluded(String number, String status, String cause) throws Exception {
        try (InteractiveAgiServer.Connection call = call(number)) {
            assertThat(call.reply("GET VARIABLE AMDSTATUS")).isEqualTo("200 result=1 (" + status + ")");
            assertThat(call.reply("GET VARIABLE AMDCAUSE")).isEqualTo("200 result=1 (" + cause + ")");
        }
        ami.awaitEvent("Newexten", e -> "AGI".equals(e.get("Application")));
        assertThat(ami.events("Newexten")).extracting(e -> e.get("Application"))
                .containsSubsequence("NoOp", "AMD", "AGI");
        assertThat(ami.events("VarSet")).filteredOn(e -> e.get("Variable").startsWith("AMD"))
                .extracting(e -> e.get("Value")).containsExactly(status, cause);
    }

    @Test
    void shouldAnswerExecAmdOverFastAgiAsTheDialplanAppDoes() throws Exception {
        ami.send("Action: Originate", "ActionID: o-1", "Channel: Local/+821000000002@residents",
                "Context: survey", "Exten: s", "Priority: 1", "Async: true");
        try (InteractiveAgiServer.Connection call = agi.accept()) {
            assertThat(call.reply("EXEC AMD \"\"")).isEqualTo("200 result=0");
            assertThat(call.reply("GET VARIABLE AMDSTATUS")).isEqualTo("200 result=1 (MACHINE)");
        }
    }

    @Test
    void shouldLeaveAVoicemailThatRecordsSilenceAndHangsUpWhenItsRecordingTimeIsOver() throws Exception {
        try (InteractiveAgiServer.Connection call = call("+821000000002")) {
            assertThat(call.reply("WAIT FOR DIGIT 1000")).isEqualTo("200 result=0");

            assertThat(call.readLine()).isEqualTo("HANGUP");
        }
        assertThat(ami.awaitEvent("Hangup", e -> e.get("Channel").endsWith(";2"))).containsEntry("Cause", "16");
    }

    @Test
    void shouldPutAPersonOnTheLineAfterTheVoicemailWhenThenAnswerAfterIsOne() throws Exception {
        try (InteractiveAgiServer.Connection first = call("+821000000004")) {
            assertThat(first.reply("GET VARIABLE AMDSTATUS")).isEqualTo("200 result=1 (MACHINE)");
        }
        try (InteractiveAgiServer.Connection second = call("+821000000004")) {
            assertThat(second.reply("GET VARIABLE AMDSTATUS")).isEqualTo("200 result=1 (HUMAN)");
        }
    }
}
