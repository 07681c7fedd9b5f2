package org.epicall.pbx.agi;

import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.epicall.pbx.support.AmiTestClient;
import org.epicall.pbx.support.InteractiveAgiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Garbage and half-lines from the FastAGI server: 510 replies, never a crash, and the call ends cleanly. */
class AgiRobustnessTest {

    private InteractiveAgiServer agi;
    private PbxSimulator pbx;
    private AmiTestClient ami;

    @BeforeEach
    void start() throws Exception {
        agi = new InteractiveAgiServer();
        pbx = PbxSimulator.start(PbxConfig.builder().timeScale(50).agi(agi.url("survey"))
                .residents(ResidentDirectory.of(List.of(Resident.of("+821000000001", Behaviour.ANSWER))))
                .build());
        ami = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true);
        ami.send("Action: Originate", "ActionID: o1", "Channel: PJSIP/+821000000001@trunk", "Context: survey",
                "Exten: s", "Priority: 1", "Async: true");
    }

    @AfterEach
    void stop() throws Exception {
        ami.close();
        pbx.close();
        agi.close();
    }

    @Test
    void shouldAnswerGarbageWith510AndKeepTheCallUsable() throws Exception {
        try (InteractiveAgiServer.Connection call = agi.accept()) {
            assertThat(call.env("agi_type")).isEqualTo("PJSIP");
            assertThat(call.reply("FOOBAR")).isEqualTo("510 Invalid or unknown command");
            assertThat(call.reply("")).isEqualTo("510 Invalid or unknown command");
            byte[] junk = new byte[3000];
            new Random(3).nextBytes(junk);
            for (int i = 0; i < junk.length; i++) {
                if (junk[i] == '\n') {
                    junk[i] = 'x';
                }
            }
            call.sendRaw(junk);
            call.sendRaw("\n".getBytes(StandardCharsets.UTF_8));
            assertThat(call.readReply()).containsExactly("510 Invalid or unknown command");
            assertThat(call.reply("GET VARIABLE \"unterminated")).isEqualTo("200 result=0");
            assertThat(call.reply("WAIT FOR DIGIT")).isEqualTo("520 End of proper usage.");

            assertThat(call.reply("ANSWER")).isEqualTo("200 result=0");
        }
    }

    @Test
    void shouldEndTheCallWhenTheServerSendsAHalfLineAndCloses() throws Exception {
        InteractiveAgiServer.Connection call = agi.accept();
        call.sendRaw("STREAM FI".getBytes(StandardCharsets.UTF_8));
        call.close();

        assertThat(ami.awaitEvent("Hangup")).containsEntry("Cause", "16");
        assertThat(ami.awaitEvent("VarSet", e -> "AGISTATUS".equals(e.get("Variable"))))
                .containsEntry("Value", "SUCCESS");
    }
}
