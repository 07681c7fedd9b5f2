package org.epicall.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.epicall.pbx.support.AmiTestClient;
import org.epicall.pbx.support.InteractiveAgiServer;
import org.junit.jupiter.api.Test;

class DialplanReloadTest {

    @Test
    void aCallAnsweredAfterADialplanReloadRunsTheNewSurveyContext() throws Exception {
        try (InteractiveAgiServer before = new InteractiveAgiServer();
             InteractiveAgiServer after = new InteractiveAgiServer();
             PbxSimulator pbx = PbxSimulator.start(PbxConfig.builder().timeScale(50).agi(before.url("survey"))
                     .residents(ResidentDirectory.of(List.of(Resident.of("+821000000001", Behaviour.ANSWER))))
                     .build());
             AmiTestClient ami = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true)) {

            pbx.reloadDialplan(Dialplan.survey(after.url("survey")));
            ami.send("Action: Originate", "ActionID: o1", "Channel: PJSIP/+821000000001@trunk", "Context: survey",
                    "Exten: s", "Priority: 1", "Async: true");

            try (InteractiveAgiServer.Connection call = after.accept()) {
                assertThat(call.env("agi_network_script")).isEqualTo("survey");
            }
        }
    }
}
