package org.epicall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real broker is stopped and started again on the same data directory and port while results
 * are published: every result must end up on the topic exactly once.
 */
class ResultPublisherOutageTest {

    private static final EventJson JSON = new EventJson();

    @TempDir
    static Path brokerData;
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path outbox;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaSettings.persistentAt(brokerData));
        TopicAdministration.ensureTopics(KafkaConnection.plaintext(broker.bootstrapServers()), 3, (short) 1);
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @BeforeEach
    @AfterEach
    void brokerIsUp() {
        broker.start();
    }

    @Test
    void shouldDeliverEveryResultExactlyOnceWhenTheBrokerComesBack() {
        try (var publisher = ResultPublisher.start(KafkaConnection.plaintext(broker.bootstrapServers()), outbox, PhoneNumberDisclosure.NEVER)) {
            publish(publisher, "before-", 30);
            await().atMost(Duration.ofSeconds(30)).until(() -> publisher.pendingCount() == 0);

            broker.stop();
            publish(publisher, "during-", 30);
            assertThat(publisher.pendingCount()).isEqualTo(60);

            broker.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> publisher.pendingCount() == 0);
        }

        assertEachExactlyOnce(TopicContents.readAll(broker.bootstrapServers(), Topics.SURVEY_RESULTS),
                r -> JSON.readSurveyResult(r.value()).attemptId(), "before-", "during-", 30);
        assertEachExactlyOnce(TopicContents.readAll(broker.bootstrapServers(), Topics.CALL_ATTEMPTS),
                r -> JSON.readCallAttempt(r.value()).attemptId(), "before-", "during-", 30);
    }

    @Test
    void shouldDeliverResultsThatAnEarlierRunKeptWhileTheBrokerWasDown() {
        broker.stop();
        try (var firstRun = ResultPublisher.start(KafkaConnection.plaintext(broker.bootstrapServers()), outbox, PhoneNumberDisclosure.NEVER)) {
            publish(firstRun, "kept-", 20);
            assertThat(firstRun.pendingCount()).isEqualTo(40);
        }

        broker.start();
        try (var secondRun = ResultPublisher.start(KafkaConnection.plaintext(broker.bootstrapServers()), outbox, PhoneNumberDisclosure.NEVER)) {
            assertThat(secondRun.pendingCount()).isEqualTo(40);
            await().atMost(Duration.ofSeconds(60)).until(() -> secondRun.pendingCount() == 0);
        }

        assertEachExactlyOnce(TopicContents.readAll(broker.bootstrapServers(), Topics.SURVEY_RESULTS),
                r -> JSON.readSurveyResult(r.value()).attemptId(), "kept-", "kept-", 20);
    }

    @Test
    void shouldKeyEveryRecordByTheContactReference() {
        try (var publisher = ResultPublisher.start(KafkaConnection.plaintext(broker.bootstrapServers()), outbox, PhoneNumberDisclosure.NEVER)) {
            publish(publisher, "keyed-", 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> publisher.pendingCount() == 0);
        }

        assertThat(TopicContents.readAll(broker.bootstrapServers(), Topics.SURVEY_RESULTS))
                .filteredOn(r -> JSON.readSurveyResult(r.value()).attemptId().startsWith("keyed-"))
                .hasSize(3)
                .allSatisfy(r -> assertThat(new String(r.key(), StandardCharsets.UTF_8))
                        .isEqualTo(JSON.readSurveyResult(r.value()).contactRef()));
    }

    private static void publish(ResultPublisher publisher, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            publisher.sink().surveyFinished(TestEvents.completeSurvey(prefix + i));
            publisher.sink().attemptFinished(TestEvents.answered(prefix + i));
        }
    }

    private static void assertEachExactlyOnce(List<ConsumerRecord<byte[], byte[]>> records,
                                              Function<ConsumerRecord<byte[], byte[]>, String> attemptId,
                                              String firstPrefix, String secondPrefix, int perPrefix) {
        Map<String, Long> counts = records.stream().map(attemptId)
                .filter(id -> id.startsWith(firstPrefix) || id.startsWith(secondPrefix))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> expected = IntStream.range(0, perPrefix)
                .boxed().flatMap(i -> java.util.stream.Stream.of(firstPrefix + i, secondPrefix + i))
                .distinct().toList();
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(counts.values()).allMatch(c -> c == 1L);
    }
}
