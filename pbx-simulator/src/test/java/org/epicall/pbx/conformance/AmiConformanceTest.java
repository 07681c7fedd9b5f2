package org.epicall.pbx.conformance;

import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.agi.AsteriskUser;
import org.epicall.pbx.support.AmiSignatures;
import org.epicall.pbx.support.AmiSignatures.Signature;
import org.epicall.pbx.support.AmiTestClient;
import org.epicall.pbx.support.ReferencePbx;
import org.epicall.pbx.support.ReferenceTranscripts;
import org.epicall.pbx.support.ScriptedAgiServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the client side of each reference AMI transcript against the simulator (configured like the
 * reference Asterisk, plus the transcript's asterisk.conf limits) and compares what comes back, as
 * {@link AmiSignatures} reduces it: the same compared messages, the same order of responses and
 * OriginateResponses, and the same order of the ordered events on each channel. Where a transcript's call ran
 * FastAGI, the paired agi-*.txt script is played by a scripted FastAGI server. Channel names the client sends
 * (AMI Hangup) are translated to the simulator's, channel by channel in order of creation.
 *
 * <p>Not replayed: ami-00 (its resident used Wait(), which sends no frames over a Local channel, so RECORD ran
 * to its timeout; an Asterisk quirk the simulator does not reproduce; ami-01 covers the same call).
 */
class AmiConformanceTest {

    private static final Pattern LOCAL_CHANNEL = Pattern.compile("Local/[^;\\s]+-[0-9a-f]{8}");

    @TempDir
    static Path recordings;

    @BeforeAll
    static void recordingDirectories() throws IOException {
        Files.createDirectories(recordings.resolve("xref"));
        Files.createDirectories(recordings.resolve("xref/readonly"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(nullValues = "-", value = {
            "ami-01-answer-survey-agi.txt, agi-01-survey-answer.txt, -",
            "ami-02-busy.txt, -, -",
            "ami-03-noanswer.txt, -, -",
            "ami-04-congestion.txt, -, -",
            "ami-05-reject.txt, -, -",
            "ami-06-hangup-early.txt, agi-06-survey-hangup-early.txt, -",
            "ami-07-no-such-context.txt, -, -",
            "ami-08-sync-answer.txt, -, -",
            "ami-09-sync-busy.txt, -, -",
            "ami-10-min-user-answer.txt, -, -",
            "ami-11-application.txt, -, -",
            "ami-12-ring-answer.txt, -, -",
            "ami-13-channelid.txt, -, -",
            "ami-14-number-routing-busy.txt, -, -",
            "ami-15-trivial-agi.txt, agi-15-trivial.txt, -",
            "ami-16-agi-server-down.txt, -, -",
            "ami-17-bad-login.txt, -, -",
            "ami-18-misc-actions.txt, -, -",
            "ami-19-min-user-permission.txt, -, -",
            "ami-20-unknown-tech.txt, -, -",
            "ami-21-rejected-race.txt, -, -",
            "ami-21-rejected-race-b.txt, -, -",
            "ami-21-hangup20.txt, -, -",
            "ami-21-hangup1.txt, -, -",
            "ami-21-busy.txt, -, -",
            "ami-21-congestion.txt, -, -",
            "ami-21-noanswer-timeout.txt, -, -",
            "ami-22-channelid-prefix.txt, -, -",
            "ami-23-stream-missing.txt, agi-23-stream-missing.txt, -",
            "ami-24-record-unwritable.txt, agi-24-record-unwritable.txt, asterisk-user=OTHER_USER_IN_GROUP",
            "ami-25-record-dtmf.txt, agi-25-record-dtmf.txt, -",
            "ami-26-hangup-during-stream.txt, agi-26-hangup-during-stream.txt, time-scale=1",
            "ami-27-maxcalls.txt, -, maxcalls=3",
            "ami-27-maxcalls-app.txt, -, maxcalls=3",
            "ami-27-maxload.txt, -, maxload=0.01",
            "ami-28-amd-human.txt, agi-28-amd-human.txt, -",
            "ami-28-amd-machine.txt, agi-28-amd-machine.txt, -",
    })
    void shouldAnswerLikeTheReferenceAsterisk(String amiTranscript, String agiTranscript, String setting)
            throws Exception {
        List<ReferenceTranscripts.AmiMessage> transcript = ReferenceTranscripts.ami(amiTranscript);
        List<String> agiScript = agiTranscript == null ? List.of() : agiScript(agiTranscript);
        try (ScriptedAgiServer agi = new ScriptedAgiServer(agiScript);
             PbxSimulator pbx = PbxSimulator.start(configured(ReferencePbx.config(
                     agiTranscript == null ? closedPort() : agi.port(), 20), setting).build());
             AmiTestClient client = AmiTestClient.connect(pbx.amiPort())) {

            assertThat(client.banner()).isEqualTo("Asterisk Call Manager/11.0.0");
            List<Signature> expectedSoFar = new ArrayList<>();
            List<String> referenceChannels = new ArrayList<>();
            for (ReferenceTranscripts.AmiMessage message : transcript) {
                if (!message.fromClient()) {
                    noteChannel(message.get("Channel"), referenceChannels);
                    Signature signature = AmiSignatures.of(message.headers());
                    if (signature != null) {
                        expectedSoFar.add(signature);
                    }
                    continue;
                }
                awaitAll(client, expectedSoFar);
                if (client.closedByServer()) {
                    break;
                }
                try {
                    client.send(translated(message.lines(), referenceChannels, simulatorChannels(client))
                            .toArray(String[]::new));
                } catch (IOException e) {
                    break;
                }
            }
            awaitAll(client, expectedSoFar);
            if (transcript.stream().anyMatch(m -> m.fromClient() && isLogoffOrBadLogin(m, transcript))) {
                client.awaitClosedByServer();
            }

            List<Signature> actual = signatures(client);
            assertThat(texts(actual)).as("compared messages").containsExactlyInAnyOrderElementsOf(texts(expectedSoFar));
            assertThat(actionThread(actual)).as("responses and OriginateResponses in order")
                    .containsExactlyElementsOf(actionThread(expectedSoFar));
            assertThat(byChannel(actual)).as("ordered events per channel").isEqualTo(byChannel(expectedSoFar));
        }
    }

    private static PbxConfig.Builder configured(PbxConfig.Builder builder, String setting) {
        if (setting == null) {
            return builder;
        }
        String[] parts = setting.split("=");
        return switch (parts[0]) {
            case "maxcalls" -> builder.maxCalls(Integer.parseInt(parts[1]));
            // the load average ami-27-maxload's log reports
            case "maxload" -> builder.maxLoad(Double.parseDouble(parts[1])).loadAverage(() -> 0.317383);
            case "asterisk-user" -> builder.asteriskUser(AsteriskUser.valueOf(parts[1]));
            // the resident hangs up 0.5 s into the first prompt: at time x20 that is 25 ms, less than a loaded
            // machine may take to start the script's STREAM FILE
            case "time-scale" -> builder.timeScale(Double.parseDouble(parts[1]));
            default -> throw new IllegalArgumentException(setting);
        };
    }

    private static void noteChannel(String channel, List<String> channels) {
        if (channel == null) {
            return;
        }
        Matcher local = LOCAL_CHANNEL.matcher(channel);
        if (local.find() && !channels.contains(local.group())) {
            channels.add(local.group());
        }
    }

    private static List<String> simulatorChannels(AmiTestClient client) {
        List<String> channels = new ArrayList<>();
        for (List<String[]> message : client.receivedRaw()) {
            for (String[] header : message) {
                if (header[0].equals("Channel")) {
                    noteChannel(header[1], channels);
                }
            }
        }
        return channels;
    }

    /** The client's lines with each reference channel name replaced by the simulator's k-th channel. */
    private static List<String> translated(List<String> lines, List<String> reference, List<String> simulator) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String text = line;
            for (int i = 0; i < Math.min(reference.size(), simulator.size()); i++) {
                text = text.replace(reference.get(i), simulator.get(i));
            }
            out.add(text);
        }
        return out;
    }

    private static boolean isLogoffOrBadLogin(ReferenceTranscripts.AmiMessage message,
                                              List<ReferenceTranscripts.AmiMessage> transcript) {
        return "Logoff".equalsIgnoreCase(message.get("Action"))
                || transcript.stream().anyMatch(m -> "Authentication failed".equals(m.get("Message")));
    }

    private static void awaitAll(AmiTestClient client, List<Signature> expected) {
        List<String> wanted = texts(expected);
        AmiTestClient.waiting().pollInterval(Duration.ofMillis(20)).untilAsserted(() -> assertThat(texts(signatures(client))).containsAll(wanted));
    }

    /** What the simulator sent, with this test's recordings directory written back as the reference's. */
    private static List<Signature> signatures(AmiTestClient client) {
        String here = recordings.toString() + "/";
        List<List<String[]>> messages = new ArrayList<>();
        for (List<String[]> message : client.receivedRaw()) {
            messages.add(message.stream()
                    .map(h -> new String[] {h[0], h[1].replace(here, "/var/spool/asterisk/recording/")}).toList());
        }
        return AmiSignatures.signatures(messages);
    }

    private static List<String> texts(List<Signature> signatures) {
        return signatures.stream().map(Signature::text).toList();
    }

    private static List<String> actionThread(List<Signature> signatures) {
        return signatures.stream().filter(Signature::actionThread).map(Signature::text).toList();
    }

    private static Map<String, List<String>> byChannel(List<Signature> signatures) {
        Map<String, List<String>> map = new HashMap<>();
        signatures.stream().filter(Signature::ordered)
                .forEach(s -> map.computeIfAbsent(s.channel(), c -> new ArrayList<>()).add(s.text()));
        return map;
    }

    static List<String> agiScript(String agiTranscript) {
        return ReferenceTranscripts.agi(agiTranscript).stream()
                .filter(ReferenceTranscripts.AgiLine::fromServer)
                .map(line -> line.text().replace("/var/spool/asterisk/recording/", recordings.toString() + "/"))
                .toList();
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Objects.requireNonNull(socket).getLocalPort();
        }
    }
}
