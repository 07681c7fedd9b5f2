package org.epicall.campaign.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings;
import org.epicall.messaging.EventJson;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.PhoneNumberDisclosure;
import org.epicall.messaging.ResultPublisher;
import org.epicall.messaging.SurveyResultEvent;
import org.epicall.messaging.TopicAdministration;
import org.epicall.messaging.Topics;
import org.epicall.survey.call.SurveyResponse;
import org.epicall.survey.call.SurveyStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code epicall results tail} and {@code epicall kafka console-consumer} against a real broker. */
class ResultsCommandsTest {

    @TempDir
    static Path brokerData;
    @TempDir
    static Path outbox;
    private static EmbeddedKafkaBroker broker;
    private static ResultPublisher publisher;

    @BeforeAll
    static void publishThreeResultsAndOneStrayRecord() throws Exception {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaSettings.persistentAt(brokerData));
        TopicAdministration.ensureTopics(KafkaConnection.plaintext(broker.bootstrapServers()), 3, (short) 1);
        publisher = ResultPublisher.start(KafkaConnection.plaintext(broker.bootstrapServers()), outbox, PhoneNumberDisclosure.NEVER);
        for (String id : List.of("r-1", "r-2", "r-3")) {
            publisher.sink().surveyFinished(survey(id));
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.SURVEY_RESULTS, "stray".getBytes(StandardCharsets.UTF_8),
                    "not a result".getBytes(StandardCharsets.UTF_8))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.pendingCount() == 0);
    }

    @AfterAll
    static void stopBroker() {
        publisher.close();
        broker.close();
    }

    @Test
    void tailShouldPrintEachResultAsOneLineOfJsonAndReportTheStrayRecord() {
        Run run = execute(new ResultsTailCommand(), "--bootstrap-servers", broker.bootstrapServers());

        assertThat(run.exitCode()).isZero();
        assertThat(attemptIds(run.out())).contains("r-1", "r-2", "r-3").doesNotHaveDuplicates();
        assertThat(run.err()).contains("skipped " + Topics.SURVEY_RESULTS);
    }

    @Test
    void tailShouldFindTheEmbeddedBrokerThatAnotherEpicallRunsOnTheDataDirectory() {
        Run run = execute(new ResultsTailCommand(), "--data-dir", brokerData.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(attemptIds(run.out())).contains("r-1", "r-2", "r-3");
        assertThat(broker.isRunning()).isTrue();
    }

    @Test
    void tailShouldStartAnEmbeddedBrokerOnTheDataDirectoryWhenNoneRuns(@TempDir Path emptyData) {
        Run run = execute(new ResultsTailCommand(), "--data-dir", emptyData.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(EmbeddedKafkaBroker.runningAt(emptyData)).isEmpty();
    }

    @Test
    void tailShouldSaySoWhenNoResultTopicExistsYet() {
        try (var bare = EmbeddedKafkaBroker.start(EmbeddedKafkaSettings.ephemeral())) {
            Run run = execute(new ResultsTailCommand(), "--bootstrap-servers", bare.bootstrapServers());

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("There is no topic " + Topics.SURVEY_RESULTS + " at " + bare.bootstrapServers());
        }
    }

    @Test
    void tailShouldFollowAndPrintResultsPublishedAfterItStarted() throws Exception {
        CompletableFuture<Run> following = CompletableFuture.supplyAsync(() -> execute(new ResultsTailCommand(),
                "--bootstrap-servers", broker.bootstrapServers(), "--follow", "--max-results", "5"));
        publisher.sink().surveyFinished(survey("later-1"));
        publisher.sink().surveyFinished(survey("later-2"));

        Run run = following.get(60, TimeUnit.SECONDS);
        assertThat(attemptIds(run.out())).contains("later-1", "later-2").hasSize(5);
    }

    @Test
    void kafkasOwnConsoleConsumerShouldReadTheSameResults() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exitCode;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exitCode = execute(new KafkaToolsCommand(), "console-consumer", "--bootstrap-server", broker.bootstrapServers(),
                    "--topic", Topics.SURVEY_RESULTS, "--from-beginning", "--timeout-ms", "5000")
                    .exitCode();
        } finally {
            System.setOut(original);
        }

        assertThat(exitCode).isZero();
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out.lines().filter(l -> l.startsWith("{")).map(l -> attemptId(l)).toList())
                .contains("r-1", "r-2", "r-3");
    }

    @Test
    void consoleConsumerShouldReadTheEmbeddedBrokerOnTheDataDirectoryWhenNoBootstrapServerIsGiven() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exitCode;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exitCode = execute(new KafkaToolsCommand(), "console-consumer", "--data-dir", brokerData.toString(),
                    "--topic", Topics.SURVEY_RESULTS, "--from-beginning", "--max-messages", "4", "--timeout-ms", "30000")
                    .exitCode();
        } finally {
            System.setOut(original);
        }

        assertThat(exitCode).isZero();
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines).filteredOn(l -> l.startsWith("{\"schemaVersion\":1")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void consoleConsumerShouldReturnKafkasExitCodeForBadArgumentsInsteadOfEndingTheJvm() {
        Run run = execute(new KafkaToolsCommand(), "console-consumer", "--bootstrap-server", broker.bootstrapServers());

        assertThat(run.exitCode()).isNotZero();
    }

    private static SurveyResponse survey(String attemptId) {
        Instant start = Instant.parse("2026-11-21T09:00:00Z");
        return new SurveyResponse(attemptId, "campaign-1", "contact-" + attemptId, "covid-checkin", "ko",
                SurveyStatus.DECLINED, null, start, start.plusSeconds(8), List.of(), List.of());
    }

    private static List<String> attemptIds(String out) {
        return out.lines().map(ResultsCommandsTest::attemptId).toList();
    }

    private static String attemptId(String line) {
        SurveyResultEvent event = new EventJson().readSurveyResult(line.getBytes(StandardCharsets.UTF_8));
        return event.attemptId();
    }

    private static Run execute(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
    }
}
