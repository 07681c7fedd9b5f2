package org.epicall.pbx.call;

import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.epicall.pbx.support.AmiTestClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a dialer sees when Asterisk's own limits refuse a call (asterisk.conf maxcalls and maxload, and the
 * uniqueness of ChannelId), as ami-22 and ami-27 recorded it.
 */
class ServerLimitsTest {

    private static final String ANSWERS = "+821000000001";

    private static PbxConfig.Builder config() {
        Dialplan dialplan = Dialplan.survey(URI.create("agi://127.0.0.1:1/survey"))
                .withSurveyContext("hold", Dialplan.Context.of(Dialplan.App.waitSeconds(600), Dialplan.App.hangup()));
        return PbxConfig.builder().timeScale(50).dialplan(dialplan)
                .residents(ResidentDirectory.of(List.of(Resident.of(ANSWERS, Behaviour.SILENT))));
    }

    private static void originate(AmiTestClient ami, String id, String channel) throws Exception {
        ami.send("Action: Originate", "ActionID: " + id, "Channel: " + channel, "Context: hold", "Exten: s",
                "Priority: 1", "ChannelId: " + id, "Async: true");
    }

    private static Map<String, String> response(AmiTestClient ami, String id) {
        return ami.awaitEvent("OriginateResponse", e -> id.equals(e.get("ActionID")));
    }

    @Test
    void shouldRefuseAChannelIdThatIsAPrefixOfALiveOneWithoutCreatingAChannel() throws Exception {
        try (PbxSimulator pbx = PbxSimulator.start(config().build());
             AmiTestClient ami = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true)) {
            originate(ami, "ec-pfx-0019-2", "Local/" + ANSWERS + "@residents");
            assertThat(response(ami, "ec-pfx-0019-2")).containsEntry("Reason", "4");

            originate(ami, "EC-PFX-0019", "Local/" + ANSWERS + "@residents");

            assertThat(response(ami, "EC-PFX-0019")).containsEntry("Response", "Failure")
                    .containsEntry("Reason", "0").containsEntry("Uniqueid", "EC-PFX-0019");
            assertThat(ami.events("Newchannel")).extracting(e -> e.get("Uniqueid"))
                    .containsExactly("ec-pfx-0019-2", "ec-pfx-0019-2;2");
        }
    }

    @Test
    void shouldAcceptAChannelIdThatALiveOneIsAPrefixOf() throws Exception {
        try (PbxSimulator pbx = PbxSimulator.start(config().build());
             AmiTestClient ami = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true)) {
            originate(ami, "ec-pfx-0019", "Local/" + ANSWERS + "@residents");
            assertThat(response(ami, "ec-pfx-0019")).containsEntry("Reason", "4");

            originate(ami, "ec-pfx-0019-2", "Local/" + ANSWERS + "@residents");

            assertThat(response(ami, "ec-pfx-0019-2")).containsEntry("Response", "Success");
        }
    }

    @Test
    void shouldCountTwoDialplanThreadsForALocalCallAnsweredIntoAContext() throws Exception {
        try (PbxSimulator pbx = PbxSimulator.start(config().maxCalls(3).build());
             AmiTestClient ami = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true)) {
            originate(ami, "first", "Local/" + ANSWERS + "@residents");
            assertThat(response(ami, "first")).containsEntry("Reason", "4");
            assertThat(pbx.pbxThreads()).isEqualTo(2);

            originate(ami, "second", "Local/" + ANSWERS + "@residents");

            // answered, then its survey half cannot start: both halves hang up with cause 0, no dialplan runs
            assertThat(response(ami, "second")).containsEntry("Response", "Success").containsEntry("Reason", "4");
            assertThat(ami.awaitEvent("Hangup", e -> "second".equals(e.get("Uniqueid")))).containsEntry("Cause", "0");
            assertThat(ami.awaitEvent("Hangup", e -> "second;2".equals(e.get("Uniqueid")))).containsEntry("Cause", "0");
            assertThat(ami.events("Newexten")).noneMatch(e -> "second".equals(e.get("Uniqueid"))
                    && "Wait".equals(e.get("Application")));
            assertThat(pbx.pbxThreads()).isEqualTo(2);
        }
    }

    @Test
    void shouldStartNoDialplanOnATrunkCallUntilItIsAnsweredAndThenRefuseItPastMaxcalls() throws Exception {
        try (PbxSimulator pbx = PbxSimulator.start(config().maxCalls(1).build());
             AmiTestClient ami = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true)) {
            originate(ami, "first", "PJSIP/" + ANSWERS + "@trunk");
            assertThat(response(ami, "first")).containsEntry("Reason", "4");

            originate(ami, "second", "PJSIP/" + ANSWERS + "@trunk");

            assertThat(response(ami, "second")).containsEntry("Response", "Success");
            assertThat(ami.awaitEvent("Hangup", e -> "second".equals(e.get("Uniqueid")))).containsEntry("Cause", "0");
        }
    }

    @Test
    void shouldRefuseEveryOriginateWhileTheLoadAverageIsAtOrAboveMaxloadAndAcceptOnceItDrops() throws Exception {
        AtomicReference<Double> load = new AtomicReference<>(3.3);
        try (PbxSimulator pbx = PbxSimulator.start(config().maxLoad(1.8).loadAverage(load::get).build());
             AmiTestClient ami = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true)) {
            originate(ami, "loaded", "Local/" + ANSWERS + "@residents");

            assertThat(response(ami, "loaded")).containsEntry("Response", "Failure").containsEntry("Reason", "0");
            assertThat(ami.awaitEvent("Hangup", e -> "loaded".equals(e.get("Uniqueid")))).containsEntry("Cause", "0");
            assertThat(ami.events("DialBegin")).isEmpty();
            assertThat(ami.events("HangupRequest")).isEmpty();

            load.set(0.5);
            originate(ami, "quiet", "Local/" + ANSWERS + "@residents");

            assertThat(response(ami, "quiet")).containsEntry("Response", "Success");
        }
    }
}
