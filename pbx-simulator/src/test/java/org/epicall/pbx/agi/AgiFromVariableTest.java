package org.epicall.pbx.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.call.CallDetailRecords;
import org.epicall.pbx.call.Dialplan;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.epicall.pbx.support.AmiTestClient;
import org.epicall.pbx.support.InteractiveAgiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A survey context running {@code AGI(${EPICALL_AGI})}, as deploy/asterisk/extensions.conf does: each answered
 * call goes to the FastAGI server its Originate named, so several dialer nodes can share one server; and the
 * call detail records say which calls were placed, when, and how they ended.
 */
class AgiFromVariableTest {

    private static final String ANSWERS = "+821000000701";
    private static final String BUSY = "+821000000702";

    @TempDir
    Path dir;
    private InteractiveAgiServer nodeA;
    private InteractiveAgiServer nodeB;
    private CallDetailRecords records;
    private PbxSimulator pbx;
    private AmiTestClient ami;

    @BeforeEach
    void start() throws Exception {
        nodeA = new InteractiveAgiServer();
        nodeB = new InteractiveAgiServer();
        records = CallDetailRecords.appendingTo(dir.resolve("Master.csv"));
        pbx = PbxSimulator.start(PbxConfig.builder().timeScale(50).dialplan(Dialplan.survey("${EPICALL_AGI}"))
                .residents(ResidentDirectory.of(List.of(Resident.of(ANSWERS, Behaviour.ANSWER),
                        Resident.of(BUSY, Behaviour.BUSY))))
                .build(), records);
        ami = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true);
    }

    @AfterEach
    void stop() throws Exception {
        ami.close();
        pbx.close();
        records.close();
        nodeA.close();
        nodeB.close();
    }

    private void originate(String id, String number, InteractiveAgiServer node) throws Exception {
        ami.send("Action: Originate", "ActionID: " + id, "Channel: Local/" + number + "@residents",
                "Context: survey", "Exten: s", "Priority: 1", "Async: true", "ChannelId: ec-" + id,
                "Variable: EPICALL_ATTEMPT=" + id + ",EPICALL_AGI=" + node.url("survey"));
    }

    @Test
    void shouldSendEachAnsweredCallToTheFastAgiServerItsOriginateNamed() throws Exception {
        originate("a-1", ANSWERS, nodeB);
        try (InteractiveAgiServer.Connection call = nodeB.accept()) {
            assertThat(call.reply("GET VARIABLE EPICALL_ATTEMPT")).isEqualTo("200 result=1 (a-1)");
        }
        originate("a-2", ANSWERS, nodeA);
        try (InteractiveAgiServer.Connection call = nodeA.accept()) {
            assertThat(call.reply("GET VARIABLE EPICALL_ATTEMPT")).isEqualTo("200 result=1 (a-2)");
        }
    }

    @Test
    void shouldRecordEachFinishedCallWithItsChannelIdAndWhetherItWasAnswered() throws Exception {
        originate("b-1", BUSY, nodeA);
        originate("b-2", ANSWERS, nodeA);
        try (InteractiveAgiServer.Connection call = nodeA.accept()) {
            call.reply("HANGUP");
        }

        org.awaitility.Awaitility.await().until(() -> Files.readAllLines(dir.resolve("Master.csv")).size() == 3);
        List<String> lines = Files.readAllLines(dir.resolve("Master.csv"));
        assertThat(lines.getFirst()).isEqualTo(CallDetailRecords.HEADER);
        assertThat(lines).anySatisfy(l -> assertThat(l.split(","))
                .satisfies(f -> assertThat(f[1]).isEmpty())
                .satisfies(f -> assertThat(f[3]).contains(BUSY))
                .satisfies(f -> assertThat(f[4]).isEqualTo("ec-b-1"))
                .satisfies(f -> assertThat(f[5]).matches("\\d+")));
        assertThat(lines).anySatisfy(l -> assertThat(l.split(","))
                .satisfies(f -> assertThat(f[1]).isNotEmpty())
                .satisfies(f -> assertThat(f[3]).contains(ANSWERS))
                .satisfies(f -> assertThat(f[4]).isEqualTo("ec-b-2")));
    }
}
