package org.epicall.pbx.agi;

import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.audio.AudioClip;
import org.epicall.pbx.audio.Pcm;
import org.epicall.pbx.audio.Wav;
import org.epicall.pbx.resident.Answer;
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
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each resident behaviour over real AMI and FastAGI sockets: what the survey side hears and what AMI reports. */
class ResidentBehaviourTest {

    private static final AudioClip SPEECH = AudioClip.classpath("audio/resident-answer.wav");
    private static final AudioClip SHORT = AudioClip.of("1 s of tone", Pcm.of(new byte[16000]));

    @TempDir
    Path recordings;

    private InteractiveAgiServer agi;
    private PbxSimulator pbx;
    private AmiTestClient ami;

    private static List<Answer> answers() {
        return List.of(new Answer("consent", SHORT, "1"), new Answer("fever", SPEECH, "2"),
                new Answer("temperature", SHORT, "37*5"));
    }

    @BeforeEach
    void start() throws Exception {
        agi = new InteractiveAgiServer();
        pbx = PbxSimulator.start(PbxConfig.builder()
                .timeScale(50)
                .agi(agi.url("survey"))
                .residents(ResidentDirectory.of(List.of(
                        Resident.of("+821000000001", Behaviour.ANSWER).withAnswers(answers()),
                        Resident.of("+821000000002", Behaviour.ANSWER).withAnswers(answers()).hangingUpAtQuestion(2),
                        Resident.of("+821000000003", Behaviour.SILENT).withAnswers(answers()),
                        Resident.of("+821000000004", Behaviour.KEYPAD_ONLY).withAnswers(answers()),
                        Resident.of("+821000000005", Behaviour.ANSWER).withAnswers(answers())
                                .hangingUpAfter(Duration.ofSeconds(30)),
                        Resident.of("+821000000006", Behaviour.BUSY).withAnswers(answers()).answeringAfter(1),
                        Resident.of("+821000000007", Behaviour.NO_ANSWER).withAnswers(answers()).answeringAfter(1),
                        Resident.of("+821000000008", Behaviour.BUSY).withAnswers(answers()).answeringAfter(2))))
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
                "Context: survey", "Exten: s", "Priority: 1", "CallerID: \"Survey Dialer\" <1000>",
                "Variable: ATTEMPT_ID=a-17,SURVEY_ID=42", "ChannelId: call-" + number, "Async: true");
        assertThat(ami.awaitEvent("OriginateResponse", e -> e.get("ActionID").equals("o-" + number)))
                .containsEntry("Reason", "4");
        InteractiveAgiServer.Connection connection = agi.accept();
        assertThat(connection.reply("ANSWER")).isEqualTo("200 result=0");
        return connection;
    }

    private String originateReason(String number, String actionId) throws Exception {
        ami.send("Action: Originate", "ActionID: " + actionId, "Channel: Local/" + number + "@residents",
                "Context: survey", "Exten: s", "Priority: 1", "Timeout: 30000", "ChannelId: " + actionId,
                "Async: true");
        return ami.awaitEvent("OriginateResponse", e -> e.get("ActionID").equals(actionId)).get("Reason");
    }

    private String record(InteractiveAgiServer.Connection agiCall, String question, String name) throws Exception {
        if (question != null) {
            assertThat(agiCall.reply("SET VARIABLE EPICALL_QUESTION " + question)).isEqualTo("200 result=1");
        }
        return agiCall.reply("RECORD FILE \"" + recordings.resolve(name) + "\" \"wav\" \"#\" 10000 0 s=2");
    }

    @Test
    void shouldBeBusyOnTheFirstCallAndAnswerTheSecondWhenThenAnswerAfterIsOne() throws Exception {
        assertThat(originateReason("+821000000006", "first")).isEqualTo("5");

        try (InteractiveAgiServer.Connection call = call("+821000000006")) {
            assertThat(record(call, "fever", "fever")).endsWith("(timeout) endpos="
                    + SPEECH.pcm().append(Pcm.silence(Duration.ofSeconds(1))).samples());
        }
    }

    @Test
    void shouldNotAnswerTheFirstCallAndAnswerTheSecondWhenThenAnswerAfterIsOne() throws Exception {
        assertThat(originateReason("+821000000007", "first")).isEqualTo("3");

        try (InteractiveAgiServer.Connection call = call("+821000000007")) {
            call.reply("SET VARIABLE EPICALL_QUESTION consent");

            assertThat(call.reply("GET DATA beep 5000 10")).isEqualTo("200 result=1");
        }
    }

    @Test
    void shouldStayBusyForTheFirstTwoCallsWhenThenAnswerAfterIsTwo() throws Exception {
        assertThat(originateReason("+821000000008", "first")).isEqualTo("5");
        assertThat(originateReason("+821000000008", "second")).isEqualTo("5");

        call("+821000000008").close();
    }

    @Test
    void shouldWriteTheAnswerOfTheQuestionNamedInEpicallQuestion() throws Exception {
        try (InteractiveAgiServer.Connection call = call("+821000000001")) {
            String reply = record(call, "fever", "fever");

            Pcm expected = SPEECH.pcm().append(Pcm.silence(Duration.ofSeconds(1)));
            assertThat(reply).isEqualTo("200 result="
                    + Duration.ofMillis(10000).minus(SPEECH.pcm().duration().plusSeconds(2)).toMillis()
                    + " (timeout) endpos=" + expected.samples());
            assertThat(Wav.read(recordings.resolve("fever.wav")).samples()).isEqualTo(expected.samples());
        }
    }

    @Test
    void shouldAnswerInQuestionOrderWhenTheQuestionIsNotNamed() throws Exception {
        try (InteractiveAgiServer.Connection call = call("+821000000001")) {
            record(call, null, "first");
            record(call, null, "second");

            assertThat(Wav.read(recordings.resolve("first.wav")).duration()).isEqualTo(Duration.ofSeconds(2));
            assertThat(Wav.read(recordings.resolve("second.wav")).samples())
                    .isEqualTo(SPEECH.pcm().samples() + Pcm.SAMPLE_RATE);
        }
    }

    @Test
    void shouldPressTheDigitsOfTheCurrentQuestionOnceEach() throws Exception {
        try (InteractiveAgiServer.Connection call = call("+821000000001")) {
            call.reply("SET VARIABLE EPICALL_QUESTION temperature");

            assertThat(call.reply("WAIT FOR DIGIT 5000")).isEqualTo("200 result=" + (int) '3');
            assertThat(call.reply("GET DATA beep 5000 10")).isEqualTo("200 result=7*5");
        }
    }

    @Test
    void shouldTypeTheRestOfAnEntryWhoseFirstKeyStoppedTheRecording() throws Exception {
        try (InteractiveAgiServer.Connection call = call("+821000000004")) {
            call.reply("SET VARIABLE EPICALL_QUESTION temperature");

            assertThat(call.reply("RECORD FILE " + recordings.resolve("keys-t") + " wav 0123456789*# 10000 0 s=2"))
                    .startsWith("200 result=" + (int) '3' + " (dtmf)");
            assertThat(call.reply("GET DATA silence/1 5000 9")).isEqualTo("200 result=7*5");
            // Asked again, the resident types the whole entry again.
            assertThat(call.reply("RECORD FILE " + recordings.resolve("keys-t2") + " wav 0123456789*# 10000 0 s=2"))
                    .startsWith("200 result=" + (int) '3' + " (dtmf)");
        }
    }

    @ParameterizedTest(name = "{0} read back for {1}: presses {2}")
    @CsvSource({"+821000000001, temperature-confirm-37.5, 1", "+821000000001, temperature-confirm-38.5, 2",
            "+821000000001, fever-confirm-no, 1", "+821000000001, fever-confirm-yes, 2", "+821000000004, consent-confirm-yes, 1"})
    void shouldConfirmAnAnswerReadBackOnlyWhenItIsWhatTheResidentMeant(String number, String prompt, String key) throws Exception {
        try (InteractiveAgiServer.Connection call = call(number)) {
            call.reply("SET VARIABLE EPICALL_QUESTION " + prompt.substring(0, prompt.indexOf("-confirm-")));

            assertThat(call.reply("GET DATA epicall/covid-checkin/ko/" + prompt + " 5000 1")).isEqualTo("200 result=" + key);
        }
    }

    @Test
    void shouldExposeOriginateVariablesToGetVariable() throws Exception {
        try (InteractiveAgiServer.Connection call = call("+821000000001")) {
            assertThat(call.reply("GET VARIABLE SURVEY_ID")).isEqualTo("200 result=1 (42)");
            assertThat(call.reply("GET VARIABLE ATTEMPT_ID")).isEqualTo("200 result=1 (a-17)");
            assertThat(call.reply("GET VARIABLE NOT_SET")).isEqualTo("200 result=0");
            assertThat(call.reply("GET VARIABLE UNIQUEID")).isEqualTo("200 result=1 (call-+821000000001)");
            assertThat(call.env("agi_uniqueid")).isEqualTo("call-+821000000001");
            assertThat(call.env("agi_channel")).isEqualTo("Local/+821000000001@residents-00000000;1");
        }
    }

    @Test
    void shouldHangUpDuringTheRecordingOfItsQuestionThenRefuseChannelCommands() throws Exception {
        try (InteractiveAgiServer.Connection call = call("+821000000002")) {
            assertThat(record(call, "consent", "q1")).endsWith("(timeout) endpos=16000");

            assertThat(record(call, "fever", "q2")).matches("200 result=-1 \\(hangup\\) endpos=\\d+");
            assertThat(call.command("WAIT FOR DIGIT 1000"))
                    .containsExactly("HANGUP", "511 Command Not Permitted on a dead channel or intercept routine");
            assertThat(call.reply("GET VARIABLE SURVEY_ID")).isEqualTo("200 result=1 (42)");
            assertThat(Wav.read(recordings.resolve("q2.wav")).samples()).isPositive()
                    .isLessThan(SPEECH.pcm().samples());
            assertThat(ami.awaitEvent("Hangup", e -> e.get("Channel").endsWith(";2")))
                    .containsEntry("Cause", "16");
            assertThat(ami.events("Hangup")).noneMatch(e -> e.get("Channel").endsWith(";1"));
        }
        assertThat(ami.awaitEvent("Hangup", e -> e.get("Channel").endsWith(";1"))).containsEntry("Cause", "16");
        assertThat(ami.awaitEvent("VarSet", e -> "AGISTATUS".equals(e.get("Variable"))))
                .containsEntry("Value", "HANGUP");
    }

    @Test
    void shouldRecordSilenceAndPressNothingWhenSilent() throws Exception {
        try (InteractiveAgiServer.Connection call = call("+821000000003")) {
            assertThat(record(call, "fever", "silent")).isEqualTo("200 result=8000 (timeout) endpos=8000");
            assertThat(call.reply("WAIT FOR DIGIT 3000")).isEqualTo("200 result=0");
            assertThat(call.reply("GET DATA beep 3000 1")).isEqualTo("200 result= (timeout)");
        }
    }

    @Test
    void shouldStopTheRecordingWithAnEscapeDigitWhenKeypadOnly() throws Exception {
        try (InteractiveAgiServer.Connection call = call("+821000000004")) {
            call.reply("SET VARIABLE EPICALL_QUESTION consent");

            assertThat(call.reply("RECORD FILE " + recordings.resolve("keys") + " wav 0123456789# 10000 0 s=2"))
                    .isEqualTo("200 result=" + (int) '1' + " (dtmf) endpos=8000");
            assertThat(record(call, "fever", "no-escape")).isEqualTo("200 result=8000 (timeout) endpos=8000");
            assertThat(call.reply("WAIT FOR DIGIT 5000")).isEqualTo("200 result=" + (int) '2');
        }
    }

    @Test
    void shouldEndTheChannelWhenTheAgiServerClosesTheSocket() throws Exception {
        InteractiveAgiServer.Connection call = call("+821000000001");
        assertThat(call.reply("HANGUP")).isEqualTo("200 result=1");
        assertThat(call.readLine()).isEqualTo("HANGUP");
        assertThat(ami.events("Hangup")).isEmpty();

        call.close();

        assertThat(ami.awaitEvent("Hangup", e -> e.get("Channel").endsWith(";1"))).containsEntry("Cause", "0");
        assertThat(ami.awaitEvent("Hangup", e -> e.get("Channel").endsWith(";2"))).containsEntry("Cause", "0");
    }

    @Test
    void shouldSendHangupAtOnceWhenTheChannelIsHungUpByAmiWhileTheServerIsIdle() throws Exception {
        try (InteractiveAgiServer.Connection call = call("+821000000001")) {
            String channel = call.env("agi_channel");
            ami.send("Action: Hangup", "ActionID: h-1", "Channel: " + channel);

            assertThat(ami.awaitResponse("h-1")).containsEntry("Message", "Channel Hungup");
            assertThat(call.readLine()).isEqualTo("HANGUP");
            assertThat(call.reply("STREAM FILE beep \"\"")).startsWith("511 ");
        }
        assertThat(ami.awaitEvent("Hangup", e -> e.get("Channel").endsWith(";1"))).containsEntry("Cause", "16");
    }

    @Test
    void shouldHangUpOnItsOwnAfterItsTalkingTime() throws Exception {
        try (InteractiveAgiServer.Connection call = call("+821000000005")) {
            assertThat(call.readLine()).isEqualTo("HANGUP");
            assertThat(ami.awaitEvent("Hangup", e -> e.get("Channel").endsWith(";2"))).containsEntry("Cause", "16");
        }
    }

    @Test
    void shouldListLiveChannelsInCoreShowChannels() throws Exception {
        try (InteractiveAgiServer.Connection call = call("+821000000001")) {
            ami.send("Action: CoreShowChannels", "ActionID: csc");

            Map<String, String> complete = ami.awaitEvent("CoreShowChannelsComplete");
            assertThat(complete).containsEntry("ListItems", "2").containsEntry("ActionID", "csc");
            assertThat(ami.events("CoreShowChannel")).extracting(e -> e.get("Channel"))
                    .containsExactly("Local/+821000000001@residents-00000000;1",
                            "Local/+821000000001@residents-00000000;2");
            assertThat(ami.events("CoreShowChannel").getFirst()).containsEntry("Application", "AGI");
        }
    }

    @Test
    void shouldCloseTheFastAgiConnectionsWhenTheSimulatorStops() throws Exception {
        try (InteractiveAgiServer.Connection call = call("+821000000001")) {
            pbx.close();

            assertThat(call.readLine()).isNull();
        }
    }
}
