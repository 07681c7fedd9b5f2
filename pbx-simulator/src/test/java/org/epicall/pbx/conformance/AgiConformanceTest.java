package org.epicall.pbx.conformance;

import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.agi.AsteriskUser;
import org.epicall.pbx.support.AmiTestClient;
import org.epicall.pbx.support.ReferencePbx;
import org.epicall.pbx.support.ReferenceTranscripts;
import org.epicall.pbx.support.ScriptedAgiServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * ({@code endpos=}, RECORD's milliseconds left) are compared by shape. Only a transcript's first connection is
 * replayed (agi-26 holds five runs of one case).
 *
 * <p>Not replayed: agi-00 (see {@link AmiConformanceTest}).
 */
class AgiConformanceTest {

    /** Environment keys whose values are generated per call. */
    private static final Set<String> GENERATED = Set.of("agi_channel", "agi_uniqueid", "agi_threadid", "agi_request");

    @TempDir
    static Path recordings;

    @BeforeAll
    static void recordingDirectories() throws IOException {
        Files.createDirectories(recordings.resolve("xref"));
        Files.createDirectories(recordings.resolve("xref/readonly"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "agi-01-survey-answer.txt, ami-01-answer-survey-agi.txt, SIMULATOR",
            "agi-06-survey-hangup-early.txt, ami-06-hangup-early.txt, SIMULATOR",
            "agi-15-trivial.txt, ami-15-trivial-agi.txt, SIMULATOR",
            "agi-23-stream-missing.txt, ami-23-stream-missing.txt, SIMULATOR",
            "agi-24-record-unwritable.txt, ami-24-record-unwritable.txt, OTHER_USER_IN_GROUP",
            "agi-24-record-unwritable-as-root.txt, ami-24-record-unwritable.txt, ROOT",
            "agi-25-record-dtmf.txt, ami-25-record-dtmf.txt, SIMULATOR",
            "agi-26-hangup-during-stream.txt, ami-26-hangup-during-stream.txt, SIMULATOR",
            "agi-28-amd-human.txt, ami-28-amd-human.txt, SIMULATOR",
            "agi-28-amd-machine.txt, ami-28-amd-machine.txt, SIMULATOR",
    })
    void shouldSpeakFastAgiLikeTheReferenceAsterisk(String agiTranscript, String amiTranscript, String asteriskUser)
            throws Exception {
        if (asteriskUser.equals("ROOT")) {
            assumeThat(System.getProperty("user.name")).as("Asterisk running as root writes a 0555 directory; "
                    + "only a test running as root can show that").isEqualTo("root");
        }
        List<ReferenceTranscripts.AgiLine> transcript = ReferenceTranscripts.agi(agiTranscript);
        List<String> script = transcript.stream().filter(ReferenceTranscripts.AgiLine::fromServer)
                .map(line -> line.text().replace("/var/spool/asterisk/recording/", recordings + "/")).toList();
        try (ScriptedAgiServer agi = new ScriptedAgiServer(script, ReferenceTranscripts.agiServerLingers(agiTranscript));
             PbxSimulator pbx = PbxSimulator.start(ReferencePbx.config(agi.port(), timeScale(agiTranscript))
                     .asteriskUser(asteriskUser.equals("ROOT") ? AsteriskUser.SIMULATOR
                             : AsteriskUser.valueOf(asteriskUser)).build());
             AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", false)) {

            String[] originate = originateOf(amiTranscript);
            client.send(originate);
            ScriptedAgiServer.Session session = agi.awaitSession();

            assertEnvironment(session.environment(), environmentOf(transcript), agi.port(), channelId(originate));
            List<List<String>> expectedReplies = repliesOf(transcript);
            assertThat(session.exchanges()).hasSameSizeAs(expectedReplies);
            for (int i = 0; i < expectedReplies.size(); i++) {
                ScriptedAgiServer.Exchange exchange = session.exchanges().get(i);
                assertThat(exchange.reply().stream().map(AgiConformanceTest::shape).toList())
                        .as("reply to %s", exchange.command())
                        .containsExactlyElementsOf(expectedReplies.get(i).stream().map(AgiConformanceTest::shape)
                                .toList());
            }
            for (ScriptedAgiServer.Exchange exchange : session.exchanges()) {
                String command = exchange.command();
                if (command.startsWith("RECORD FILE ")) {
                    Path written = Path.of(command.split(" ")[2] + "." + command.split(" ")[3]);
                    boolean failed = exchange.reply().contains("200 result=-1 (writefile)");
                    assertThat(written).as("recording written unless writefile").matches(f -> Files.exists(f) != failed);
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

    private static String channelId(String[] originate) {
        for (String line : originate) {
            if (line.startsWith("ChannelId: ")) {
                return line.substring("ChannelId: ".length());
            }
        }
        return null;
    }

    private static void assertEnvironment(List<String> actual, List<String> expected, int agiPort, String channelId) {
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
        assertThat(actual).anyMatch(line -> line.matches("agi_channel: Local/[a-z0-9]+@[a-z-]+-[0-9a-f]{8};1"));
        assertThat(actual).anyMatch(line -> channelId == null ? line.matches("agi_uniqueid: \\d+\\.\\d+")
                : line.equals("agi_uniqueid: " + channelId));
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

    /**
     * Time x20, but real time where the resident hangs up 0.5 s into the first prompt: at x20 that is 25 ms,
     * less than a loaded machine may take to start the script's STREAM FILE.
     */
    private static double timeScale(String agiTranscript) {
        return agiTranscript.startsWith("agi-26-") ? 1 : 20;
    }
}
