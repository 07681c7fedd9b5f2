package org.epicall.pbx.ami;

import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.epicall.pbx.support.AmiTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AmiOriginateTest {

    private PbxSimulator pbx;

    @BeforeEach
    void start() {
        pbx = PbxSimulator.start(PbxConfig.builder()
                .timeScale(50)
                .residents(ResidentDirectory.of(List.of(
                        Resident.of("+41790000001", Behaviour.ANSWER),
                        Resident.of("+41790000002", Behaviour.BUSY),
                        Resident.of("+41790000003", Behaviour.NO_ANSWER),
                        Resident.of("+41790000004", Behaviour.CONGESTION),
                        Resident.of("+41790000005", Behaviour.REJECTED),
                        Resident.of("+41790000006", Behaviour.ANSWER).ringingFor(Duration.ofSeconds(3)),
                        Resident.of("+41790000007", Behaviour.UNALLOCATED),
                        Resident.of("+41790000008", Behaviour.ABSENT))))
                .build());
    }

    @AfterEach
    void stop() {
        pbx.close();
    }

    private static String[] originate(String actionId, String channel, boolean async) {
        return new String[] {"Action: Originate", "ActionID: " + actionId, "Channel: " + channel,
                "Context: nowhere", "Exten: s", "Priority: 1", "Timeout: 15000",
                "CallerID: \"Survey Dialer\" <1000>", "Async: " + async};
    }

    @ParameterizedTest(name = "{0} -> {1}/{2}")
    @CsvSource({
            "Local/+41790000001@residents, Success, 4",
            "Local/+41790000006@residents, Success, 4",
            "Local/+41790000002@residents, Failure, 5",
            "Local/+41790000003@residents, Failure, 3",
            "Local/+41790000004@residents, Failure, 8",
            "Local/+41790000005@residents, Failure, 0",
            "Local/+41790000007@residents, Failure, 0",
            "Local/+41790000008@residents, Failure, 0",
            "Local/+41799999999@residents, Failure, 0",
            "PJSIP/+41790000002@trunk, Failure, 5",
            "PJSIP/1000, Failure, 0",
            "DAHDI/g1/1000, Failure, 0",
    })
    void shouldReportOriginateResponseReasonForEachResidentBehaviour(String channel, String response, String reason)
            throws Exception {
        try (AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true)) {
            client.send(originate("o-1", channel, true));

            assertThat(client.awaitResponse("o-1")).containsEntry("Message", "Originate successfully queued");
            Map<String, String> event = client.awaitEvent("OriginateResponse");
            assertThat(event).containsEntry("ActionID", "o-1").containsEntry("Response", response)
                    .containsEntry("Reason", reason).containsEntry("CallerIDNum", "1000")
                    .containsEntry("CallerIDName", "Survey Dialer");
            if (response.equals("Failure")) {
                assertThat(event).containsEntry("Channel", channel).containsEntry("Uniqueid", "<unknown>");
            }
        }
    }

    @Test
    void shouldAnswerSyncOriginateOnlyWhenTheCallIsAnswered() throws Exception {
        try (AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true)) {
            client.send(originate("o-1", "Local/+41790000006@residents", false));

            Map<String, String> response = client.awaitResponse("o-1");
            assertThat(response).containsEntry("Response", "Success")
                    .containsEntry("Message", "Originate successfully queued");
            assertThat(client.events("Newstate")).anyMatch(e -> "Up".equals(e.get("ChannelStateDesc")));
            assertThat(client.events("OriginateResponse")).isEmpty();
        }
    }

    @Test
    void shouldHoldBackLaterActionsOfTheSessionUntilASyncOriginateEnds() throws Exception {
        try (AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", false)) {
            client.send(originate("o-1", "Local/+41790000006@residents", false));
            client.send("Action: Ping", "ActionID: p-1");

            client.awaitResponse("p-1");
            assertThat(client.received()).extracting(m -> m.get("ActionID"))
                    .containsSubsequence("o-1", "p-1");
        }
    }

    @Test
    void shouldReplyOriginateFailedToSyncOriginateOfBusyNumber() throws Exception {
        try (AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true)) {
            client.send(originate("o-1", "Local/+41790000002@residents", false));

            assertThat(client.awaitResponse("o-1")).containsEntry("Response", "Error")
                    .containsEntry("Message", "Originate failed");
        }
    }

    @Test
    void shouldUseChannelIdAsUniqueidOfTheAnsweredChannel() throws Exception {
        try (AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true)) {
            String[] base = originate("o-1", "Local/+41790000001@residents", true);
            String[] withId = java.util.Arrays.copyOf(base, base.length + 1);
            withId[base.length] = "ChannelId: survey-call-0001";
            client.send(withId);

            Map<String, String> event = client.awaitEvent("OriginateResponse");
            assertThat(event).containsEntry("Uniqueid", "survey-call-0001")
                    .containsEntry("Channel", "Local/+41790000001@residents-00000000;1");
            assertThat(client.events("Newchannel")).extracting(e -> e.get("Uniqueid"))
                    .containsExactly("survey-call-0001", "survey-call-0001;2");
        }
    }

    @Test
    void shouldEndAnApplicationAgiCallWithABadUrlAsAgiFailure() throws Exception {
        try (AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true)) {
            client.send("Action: Originate", "ActionID: o-1", "Channel: Local/+41790000001@residents",
                    "Application: AGI", "Data: %%% not a url", "Async: true");

            assertThat(client.awaitEvent("OriginateResponse")).containsEntry("Reason", "4")
                    .containsEntry("Application", "AGI");
            assertThat(client.awaitEvent("VarSet")).containsEntry("Variable", "AGISTATUS")
                    .containsEntry("Value", "FAILURE");
            // an application run by Originate ends without a dialplan Hangup(): cause 0, as after Playback (ami-11)
            assertThat(client.awaitEvent("Hangup", e -> e.get("Channel").endsWith(";1")))
                    .containsEntry("Cause", "0");
        }
    }

    @Test
    void shouldReportReasonOneWhenARingingCallIsHungUpByAmi() throws Exception {
        try (AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true)) {
            client.send(originate("o-1", "Local/+41790000003@residents", true));
            String ringing = client.awaitEvent("Newstate", e -> "Ringing".equals(e.get("ChannelStateDesc")))
                    .get("Channel");

            client.send("Action: Hangup", "ActionID: h-1", "Channel: " + ringing);
            client.send("Action: Hangup", "ActionID: h-2", "Channel: Local/nobody-00000000;1");

            assertThat(client.awaitResponse("h-1")).containsEntry("Message", "Channel Hungup");
            assertThat(client.awaitResponse("h-2")).containsEntry("Response", "Error")
                    .containsEntry("Message", "No such channel");
            assertThat(client.awaitEvent("OriginateResponse")).containsEntry("Response", "Failure")
                    .containsEntry("Reason", "1");
            assertThat(client.awaitEvent("Hangup")).containsEntry("Cause", "16");
        }
    }

    @ParameterizedTest(name = "{0} -> HangupRequest cause {1} first")
    @CsvSource({
            "Local/+41790000005@residents, 21, NOANSWER",
            "Local/+41790000007@residents, 1, NOANSWER",
            "Local/+41790000008@residents, 20, CHANUNAVAIL",
            "PJSIP/+41790000005@trunk, 21, NOANSWER",
            "PJSIP/+41790000008@trunk, 20, CHANUNAVAIL",
    })
    void shouldCarryTheCauseOfARefusedCallFirstOnTheCallersHangupRequest(String channel, String cause,
                                                                          String dialStatus) throws Exception {
        try (AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true)) {
            client.send(originate("o-1", channel, true));
            client.awaitEvent("Hangup", e -> !e.get("Channel").endsWith(";2"));

            List<Map<String, String>> withCause = client.received().stream()
                    .filter(m -> m.containsKey("Cause") && !"16".equals(m.get("Cause"))).toList();
            assertThat(withCause.getFirst()).containsEntry("Event", "HangupRequest").containsEntry("Cause", cause);
            assertThat(withCause.getFirst().get("Channel")).doesNotEndWith(";2");
            assertThat(client.awaitEvent("DialEnd")).containsEntry("DialStatus", dialStatus);
            assertThat(client.awaitEvent("OriginateResponse")).containsEntry("Reason", "0");
        }
    }

    @ParameterizedTest(name = "{0} -> cause {1}")
    @CsvSource({
            "+41790000002, 17, User busy",
            "+41790000003, 19, 'User alerting, no answer'",
            "+41790000004, 34, Circuit/channel congestion",
            "+41790000005, 21, Call Rejected",
            "+41790000007, 1, Unallocated (unassigned) number",
            "+41790000008, 20, Subscriber absent",
            "+41799999999, 1, Unallocated (unassigned) number",
    })
    void shouldHangUpAPjsipCallWithTheCauseOfTheResidentsBehaviour(String number, String cause, String text)
            throws Exception {
        try (AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true)) {
            client.send(originate("o-1", "PJSIP/" + number + "@trunk", true));

            Map<String, String> hangup = client.awaitEvent("Hangup");
            assertThat(hangup.get("Channel")).matches("PJSIP/trunk-[0-9a-f]{8}");
            assertThat(hangup).containsEntry("Cause", cause).containsEntry("Cause-txt", text);
            assertThat(client.events("Newchannel")).hasSize(1);
        }
    }
}
