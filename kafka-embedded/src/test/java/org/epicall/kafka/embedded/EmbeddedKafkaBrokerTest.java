package org.epicall.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaSettings.ephemeral());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void shouldDeliverProducedRecordsToAConsumer() throws Exception {
        broker.createTopic("round-trip", 3);
        try (var producer = producer(broker)) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("round-trip", "key-" + i, "value-" + i)).get();
            }
        }

        assertThat(readAll(broker, "round-trip", 10)).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("value-0", "value-1", "value-2", "value-3", "value-4",
                        "value-5", "value-6", "value-7", "value-8", "value-9");
    }

    @Test
    void shouldCreateTopicsWithTheRequestedPartitionsAndLeaveExistingOnesAlone() throws Exception {
        broker.createTopic("three-partitions", 3);
        broker.createTopic("three-partitions", 5);

        try (Admin admin = admin(broker)) {
            var description = admin.describeTopics(List.of("three-partitions")).allTopicNames().get()
                    .get("three-partitions");
            assertThat(description.partitions()).hasSize(3);
        }
    }

    @Test
    void shouldNotCreateTopicsThatClientsMerelyMention() throws Exception {
        try (var consumer = consumer(broker)) {
            assertThat(consumer.partitionsFor("never-created")).isEmpty();
        }
        try (Admin admin = admin(broker)) {
            assertThat(admin.listTopics().names().get()).doesNotContain("never-created");
        }
    }

    @Test
    void shouldPublishItsAddressInTheDataDirectoryWhileRunning() {
        assertThat(EmbeddedKafkaBroker.runningAt(broker.dataDirectory())).contains(broker.bootstrapServers());
    }

    @Test
    void shouldNotReportABrokerWhoseProcessDiedWithoutCleaningUp(@TempDir Path dataDirectory) throws Exception {
        java.nio.file.Files.writeString(dataDirectory.resolve(EmbeddedKafkaBroker.ADDRESS_FILE), "localhost:9");

        assertThat(EmbeddedKafkaBroker.runningAt(dataDirectory)).isEmpty();
    }

    @Test
    void shouldKeepRecordsAndPortAcrossStopAndStart(@TempDir Path dataDirectory) throws Exception {
        try (var restartable = EmbeddedKafkaBroker.start(EmbeddedKafkaSettings.persistentAt(dataDirectory))) {
            String address = restartable.bootstrapServers();
            restartable.createTopic("kept", 1);
            try (var producer = producer(restartable)) {
                producer.send(new ProducerRecord<>("kept", "k", "before the outage")).get();
            }

            restartable.stop();
            assertThat(restartable.isRunning()).isFalse();
            assertThat(EmbeddedKafkaBroker.runningAt(dataDirectory)).isEmpty();
            restartable.start();

            assertThat(restartable.bootstrapServers()).isEqualTo(address);
            assertThat(readAll(restartable, "kept", 1)).extracting(ConsumerRecord::value)
                    .containsExactly("before the outage");
        }
        assertThat(dataDirectory).isDirectoryContaining(p -> p.getFileName().toString().equals("logs"));
    }

    @Test
    void shouldNameTheDataDirectoryWhenAnotherBrokerHoldsIt() {
        var second = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.persistentAt(broker.dataDirectory()));

        assertThatThrownBy(second::start)
                .isInstanceOf(EmbeddedKafkaException.class)
                .hasMessageContaining(broker.dataDirectory().toString())
                .hasMessageContaining("epicall.kafka.data-dir");
        assertThat(broker.isRunning()).isTrue();
    }

    private static List<ConsumerRecord<String, String>> readAll(EmbeddedKafkaBroker target, String topic, int expected) {
        var records = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = consumer(target)) {
            consumer.subscribe(Set.of(topic));
            await(expected + " records from " + topic).atMost(Duration.ofMinutes(2)).pollInSameThread()
                    .pollInterval(Duration.ofMillis(1)).until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        return records.size() >= expected;
                    });
        }
        return records;
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafkaBroker target) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(EmbeddedKafkaBroker target) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }

    private static Admin admin(EmbeddedKafkaBroker target) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers()));
    }
}
