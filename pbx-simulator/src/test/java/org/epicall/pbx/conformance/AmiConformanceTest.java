package org.epicall.pbx.conformance;

import org.epicall.pbx.PbxSimulator;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Replays the client side of each reference AMI transcript against the simulator (configured like the
 * reference Asterisk) and compares what comes back, as {@link AmiSignatures} reduces it: the same compared
 * messages, the same order of responses and OriginateResponses, and the same order of events on each channel.
 * Where a transcript's call ran FastAGI, the paired agi-*.txt script is played by a scripted FastAGI server.
 *
 * <p>Not replayed: ami-00 (its resident used Wait(), which sends no frames over a Local channel, so RECORD ran
 * to its timeout; an Asterisk quirk the simulator does not reproduce; ami-01 covers the same call).
 */
class AmiConformanceTest {

    @TempDir
    static Path recordings;

    @BeforeAll
    static void referenceAvailable() {
        assumeThat(ReferenceTranscripts.directory())
                .as("shared/reference/asterisk-22.10.1 beside the checkout").isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "ami-01-answer-survey-agi.txt, agi-01-survey-answer.txt",
            "ami-02-busy.txt, -",
            "ami-03-noanswer.txt, -",
            "ami-04-congestion.txt, -",
            "ami-05-reject.txt, -",
            "ami-06-hangup-early.txt, agi-06-survey-hangup-early.txt",
            "ami-07-no-such-context.txt, -",
            "ami-08-sync-answer.txt, -",
            "ami-09-sync-busy.txt, -",
            "ami-10-min-user-answer.txt, -",
            "ami-11-application.txt, -",
            "ami-12-ring-answer.txt, -",
            "ami-13-channelid.txt, -",
            "ami-14-number-routing-busy.txt, -",
            "ami-15-trivial-agi.txt, agi-15-trivial.txt",
            "ami-16-agi-server-down.txt, -",
            "ami-17-bad-login.txt, -",
            "ami-18-misc-actions.txt, -",
            "ami-19-min-user-permission.txt, -",
            "ami-20-unknown-tech.txt, -",
    })
    void shouldAnswerLikeTheReferenceAsterisk(String amiTranscript, String agiTranscript) throws Exception {
        List<ReferenceTranscripts.AmiMessage> transcript = ReferenceTranscripts.ami(amiTranscript);
        List<String> agiScript = agiTranscript == null ? List.of() : agiScript(agiTranscript);
        try (ScriptedAgiServer agi = new ScriptedAgiServer(agiScript);
             PbxSimulator pbx = PbxSimulator.start(ReferencePbx.config(
                     agiTranscript == null ? closedPort() : agi.port(), 20).build());
             AmiTestClient client = AmiTestClient.connect(pbx.amiPort())) {

            assertThat(client.banner()).isEqualTo("Asterisk Call Manager/11.0.0");
            List<Signature> expectedSoFar = new ArrayList<>();
            for (ReferenceTranscripts.AmiMessage message : transcript) {
                if (!message.fromClient()) {
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
                    client.send(message.lines().toArray(String[]::new));
                } catch (IOException e) {
                    break;
                }
            }
            awaitAll(client, expectedSoFar);
            if (transcript.stream().anyMatch(m -> m.fromClient() && isLogoffOrBadLogin(m, transcript))) {
                client.awaitClosedByServer();
            }

            List<Signature> actual = AmiSignatures.signatures(client.receivedRaw());
            assertThat(texts(actual)).as("compared messages").containsExactlyInAnyOrderElementsOf(texts(expectedSoFar));
            assertThat(actionThread(actual)).as("responses and OriginateResponses in order")
                    .containsExactlyElementsOf(actionThread(expectedSoFar));
            assertThat(byChannel(actual)).as("events per channel in order").isEqualTo(byChannel(expectedSoFar));
        }
    }

    private static boolean isLogoffOrBadLogin(ReferenceTranscripts.AmiMessage message,
                                              List<ReferenceTranscripts.AmiMessage> transcript) {
        return "Logoff".equalsIgnoreCase(message.get("Action"))
                || transcript.stream().anyMatch(m -> "Authentication failed".equals(m.get("Message")));
    }

    private static void awaitAll(AmiTestClient client, List<Signature> expected) {
        List<String> wanted = texts(expected);
        await().atMost(AmiTestClient.WAIT).untilAsserted(() ->
                assertThat(texts(AmiSignatures.signatures(client.receivedRaw()))).containsAll(wanted));
    }

    private static List<String> texts(List<Signature> signatures) {
        return signatures.stream().map(Signature::text).toList();
    }

    private static List<String> actionThread(List<Signature> signatures) {
        return signatures.stream().filter(Signature::actionThread).map(Signature::text).toList();
    }

    private static Map<String, List<String>> byChannel(List<Signature> signatures) {
        Map<String, List<String>> map = new HashMap<>();
        signatures.stream().filter(s -> s.channel() != null)
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
