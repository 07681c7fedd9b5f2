package org.epicall.campaign.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings;
import org.epicall.survey.call.DialRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DialRequestConsumerTest {

    private static EmbeddedKafkaBroker broker;
    private static DialRequestPublisher publisher;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaSettings.ephemeral());
        TopicAdministration.ensureTopics(broker.bootstrapServers(), 6, (short) 1);
        publisher = new DialRequestPublisher(broker.bootstrapServers());
    }

    @AfterAll
    static void stopBroker() {
        publisher.close();
        broker.close();
    }

    @Test
    void shouldShareTheRequestsBetweenNodesHandingEachToExactlyOne() throws Exception {
        Set<String> nodeA = ConcurrentHashMap.newKeySet();
        Set<String> nodeB = ConcurrentHashMap.newKeySet();
        try (var a = DialRequestConsumer.start(broker.bootstrapServers(), r -> nodeA.add(r.attemptId()));
             var b = DialRequestConsumer.start(broker.bootstrapServers(), r -> nodeB.add(r.attemptId()))) {
            awaitDialerGroupOf(2);
            List<String> ids = IntStream.range(0, 60).mapToObj(i -> "shared-" + i).toList();
            for (String id : ids) {
                publisher.publish(TestEvents.dialRequest(id)).get(10, TimeUnit.SECONDS);
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> nodeA.size() + nodeB.size() >= ids.size());
            assertThat(nodeA).doesNotContainAnyElementsOf(nodeB).isNotEmpty();
            assertThat(nodeB).isNotEmpty();
            assertThat(union(nodeA, nodeB)).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void shouldOfferARefusedRequestAgainAndCommitOnlyAfterItIsAccepted() throws Exception {
        List<String> offered = new CopyOnWriteArrayList<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        try (var node = DialRequestConsumer.start(broker.bootstrapServers(), r -> {
            offered.add(r.attemptId());
            if (r.attemptId().equals("refused-once") && offered.stream().filter("refused-once"::equals).count() == 1) {
                throw new IllegalStateException("pacing gate full");
            }
            accepted.add(r.attemptId());
        })) {
            publisher.publish(TestEvents.dialRequest("refused-once")).get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted.contains("refused-once"));
        }
        assertThat(offered).filteredOn("refused-once"::equals).hasSize(2);

        List<String> offeredToNextNode = new CopyOnWriteArrayList<>();
        try (var next = DialRequestConsumer.start(broker.bootstrapServers(), r -> offeredToNextNode.add(r.attemptId()))) {
            publisher.publish(TestEvents.dialRequest("after-restart")).get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> offeredToNextNode.contains("after-restart"));
        }
        assertThat(offeredToNextNode).doesNotContain("refused-once");
    }

    @Test
    void shouldSkipARecordThatIsNotADialRequestAndCarryOn() throws Exception {
        List<DialRequest> handled = new CopyOnWriteArrayList<>();
        byte[] key = "contact-after-garbage".getBytes(StandardCharsets.UTF_8);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.DIAL_REQUESTS, key, "{not json".getBytes(StandardCharsets.UTF_8))).get();
        }
        try (var node = DialRequestConsumer.start(broker.bootstrapServers(), handled::add)) {
            publisher.publish(TestEvents.dialRequest("garbage")).get(10, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> handled.stream().anyMatch(r -> r.attemptId().equals("garbage")));
        }
    }

    private static void awaitDialerGroupOf(int members) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(Topics.DIALER_GROUP))
                        .describedGroups().get(Topics.DIALER_GROUP).get();
                return group.members().size() == members
                        && group.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
            });
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
