package org.epicall.pbx.conformance;

import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.support.AmiTestClient;
import org.epicall.pbx.support.ReferencePbx;
import org.epicall.pbx.support.ReferenceTranscripts;
import org.epicall.pbx.support.ScriptedAgiServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Plays the FastAGI server side of each reference agi-*.txt transcript (its {@code >>} lines) against the
 * simulator, which dials the transcript's call and connects as Asterisk did, and compares what it sent: the
 * agi_* environment (same keys, same order, same values except ids), and each command's reply lines, including
 * the 510/511/520 errors and where the unsolicited HANGUP appears. Values that depend on timing or audio length
 * ({@code endpos=}, RECORD's milliseconds left) are compared by shape.
 *
 * <p>Not replayed: agi-00 (see {@link AmiConformanceTest}).
 */
class AgiConformanceTest {

    /** Environment keys whose values are generated per call. */
    private static final Set<String> GENERATED = Set.of("agi_channel", "agi_uniqueid", "agi_threadid", "agi_request");

    @TempDir
    static Path recordings;

    @BeforeAll
    static void referenceAvailable() {
        assumeThat(ReferenceTranscripts.directory())
                .as("shared/reference/asterisk-22.10.1 beside the checkout").isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "agi-01-survey-answer.txt, ami-01-answer-survey-agi.txt",
            "agi-06-survey-hangup-early.txt, ami-06-hangup-early.txt",
            "agi-15-trivial.txt, ami-15-trivial-agi.txt",
    })
    void shouldSpeakFastAgiLikeTheReferenceAsterisk(String agiTranscript, String amiTranscript) throws Exception {
        List<ReferenceTranscripts.AgiLine> transcript = ReferenceTranscripts.agi(agiTranscript);
        List<String> script = transcript.stream().filter(ReferenceTranscripts.AgiLine::fromServer)
                .map(line -> line.text().replace("/var/spool/asterisk/recording/", recordings + "/")).toList();
        try (ScriptedAgiServer agi = new ScriptedAgiServer(script);
             PbxSimulator pbx = PbxSimulator.start(ReferencePbx.config(agi.port(), 20).build());
             AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", false)) {

            client.send(originateOf(amiTranscript));
            ScriptedAgiServer.Session session = agi.awaitSession();

            assertEnvironment(session.environment(), environmentOf(transcript), agi.port());
            List<List<String>> expectedReplies = repliesOf(transcript);
            assertThat(session.exchanges()).hasSameSizeAs(expectedReplies);
            for (int i = 0; i < expectedReplies.size(); i++) {
                ScriptedAgiServer.Exchange exchange = session.exchanges().get(i);
                assertThat(exchange.reply().stream().map(AgiConformanceTest::shape).toList())
                        .as("reply to %s", exchange.command())
                        .containsExactlyElementsOf(expectedReplies.get(i).stream().map(AgiConformanceTest::shape)
                                .toList());
            }
            for (String command : script) {
                if (command.startsWith("RECORD FILE ")) {
                    Path written = Path.of(command.split(" ")[2] + "." + command.split(" ")[3]);
                    assertThat(written).as("recording written").exists();
                    assertThat(Files.size(written)).isGreaterThan(44);
                }
            }
        }
    }

    private static String[] originateOf(String amiTranscript) {
        return ReferenceTranscripts.ami(amiTranscript).stream()
                .filter(m -> m.fromClient() && "Originate".equals(m.get("Action")))
                .findFirst().orElseThrow().lines().toArray(String[]::new);
    }

    private static List<String> environmentOf(List<ReferenceTranscripts.AgiLine> transcript) {
        List<String> environment = new ArrayList<>();
        for (ReferenceTranscripts.AgiLine line : transcript) {
            if (line.fromServer() || line.text().isEmpty()) {
                break;
            }
            environment.add(line.text());
        }
        return environment;
    }

    /** The lines Asterisk sent after each command, up to the next command. */
    private static List<List<String>> repliesOf(List<ReferenceTranscripts.AgiLine> transcript) {
        List<List<String>> replies = new ArrayList<>();
        boolean pastEnvironment = false;
        for (ReferenceTranscripts.AgiLine line : transcript) {
            if (line.fromServer()) {
                pastEnvironment = true;
                replies.add(new ArrayList<>());
            } else if (pastEnvironment) {
                replies.getLast().add(line.text());
            }
        }
        return replies;
    }

    private static void assertEnvironment(List<String> actual, List<String> expected, int agiPort) {
        assertThat(actual.stream().map(AgiConformanceTest::key).toList()).as("agi_* keys in order")
                .containsExactlyElementsOf(expected.stream().map(AgiConformanceTest::key).toList());
        for (int i = 0; i < expected.size(); i++) {
            String key = key(expected.get(i));
            if (GENERATED.contains(key)) {
                continue;
            }
            assertThat(actual.get(i)).as(key).isEqualTo(expected.get(i));
        }
        assertThat(actual).anyMatch(line -> line.startsWith("agi_request: agi://127.0.0.1:" + agiPort + "/"));
        assertThat(actual).anyMatch(line -> line.matches("agi_channel: Local/s@resident-[a-z-]+-[0-9a-f]{8};1"));
        assertThat(actual).anyMatch(line -> line.matches("agi_uniqueid: \\d+\\.\\d+"));
        assertThat(actual).anyMatch(line -> line.matches("agi_threadid: \\d+"));
    }

    private static String key(String line) {
        return line.substring(0, line.indexOf(':'));
    }

    /** Channel sequence numbers, sample positions and RECORD's milliseconds left compared by shape. */
    private static String shape(String reply) {
        return reply.replaceAll("-[0-9a-f]{8};", "-N;")
                .replaceAll("endpos=\\d+", "endpos=N")
                .replaceAll("result=\\d+ \\(timeout\\)", "result=N (timeout)");
    }
}
