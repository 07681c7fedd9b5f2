package org.epicall.dialer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.epicall.dialer.service.cli.DialerCommand;
import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * A dialer started into a fault says so in one line naming the setting and what to do, and either does
 * not start (exit status 2) or starts not ready, with the reason, and takes no dial requests.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DialerFaultsTest {

    @TempDir
    Path dir;

    private record Run(int exit, String err) {
    }

    @Test
    void shouldNotStartWhenTheRecordingsDirectoryCannotBeWritten() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");

        Run run = dialer(settings(TestNodes.closedPort(), "--epicall.dialer.recordings-dir=" + file.resolve("recordings")));

        assertThat(run.exit()).isEqualTo(2);
        assertOneLine(run, "epicall dialer: epicall.dialer.recordings-dir: " + file.resolve("recordings"));
        assertThat(run.err()).contains("give that user write access");
    }

    @Test
    void shouldNotStartWhenTheModelDirectoryIsNotAModel() throws Exception {
        Path notAModel = Files.createDirectories(dir.resolve("not-a-model"));

        Run run = dialer(settings(TestNodes.closedPort(), "--epicall.speech.models.ko.path=" + notAModel));

        assertThat(run.exit()).isEqualTo(2);
        assertOneLine(run, "epicall dialer: epicall.speech.models.ko.path: ");
        assertThat(run.err()).contains(notAModel.toString(), "is not a Vosk model");
    }

    @Test
    void shouldNotStartWhenAsteriskRefusesTheLogin() {
        try (PbxSimulator pbx = PbxSimulator.start(PbxConfig.builder().build())) {
            List<String> args = settings(pbx.amiPort(), "--epicall.dialer.servers[0].secret=wrong");

            Run run = dialer(args);

            assertThat(run.exit()).isEqualTo(2);
            assertOneLine(run, "epicall dialer: epicall.dialer.servers[0].secret: Asterisk at 127.0.0.1:"
                    + pbx.amiPort() + " refused the login of AMI user 'dialer-min'");
            assertThat(run.err()).contains("manager.conf");
        }
    }

    @Test
    void shouldStartNotReadyNamingTheReasonsWhenNeitherAsteriskNorKafkaAnswers() throws Exception {
        int nobodyAmi = TestNodes.closedPort();
        int nobodyKafka = TestNodes.closedPort();
        List<String> args = new ArrayList<>(TestNodes.settings(dir.resolve("node"), nobodyAmi,
                "127.0.0.1:" + nobodyKafka));
        try (ConfigurableApplicationContext node = DialerApplication.start(args.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) node).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health/readiness")).build();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> response = http.send(readiness, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.body()).contains("cannot reach Asterisk's AMI at 127.0.0.1:" + nobodyAmi)
                        .contains("epicall.dialer.kafka.bootstrap-servers");
            });
            assertThat(node.getBean(DialerService.class).taking()).isFalse();
            assertThat(node.getBean(DialerService.class).node().heldAttempts()).isZero();
        }
    }

    /** The test node's settings with some replaced ({@code --key=value} each). */
    private List<String> settings(int amiPort, String... overrides) {
        List<String> args = new ArrayList<>(TestNodes.settings(dir.resolve("node"), amiPort,
                "127.0.0.1:" + TestNodes.closedPort()));
        for (String override : overrides) {
            String key = override.substring(0, override.indexOf('=') + 1);
            args.removeIf(a -> a.startsWith(key));
            args.add(override);
        }
        return args;
    }

    private static Run dialer(List<String> args) {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new DialerCommand()).setErr(new PrintWriter(err, true));
        int exit = command.execute(args.toArray(String[]::new));
        return new Run(exit, err.toString());
    }

    private static void assertOneLine(Run run, String start) {
        assertThat(run.err()).startsWith(start);
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("\tat ").doesNotContain("Exception");
    }
}
