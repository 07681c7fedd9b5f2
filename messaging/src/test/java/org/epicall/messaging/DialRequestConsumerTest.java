package org.epicall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
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
        TopicAdministration.ensureTopics(KafkaConnection.plaintext(broker.bootstrapServers()), 6, (short) 1);
        publisher = new DialRequestPublisher(KafkaConnection.plaintext(broker.bootstrapServers()));
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
        try (var a = DialRequestConsumer.start(KafkaConnection.plaintext(broker.bootstrapServers()), takingAll(r -> nodeA.add(r.attemptId())));
             var b = DialRequestConsumer.start(KafkaConnection.plaintext(broker.bootstrapServers()), takingAll(r -> nodeB.add(r.attemptId())))) {
            awaitDialerGroupOf(2);
            List<String> ids = IntStream.range(0, 60).mapToObj(i -> "shared-" + i).toList();
            for (String id : ids) {
                publisher.publish(TestEvents.dialRequest(id)).get(60, TimeUnit.SECONDS);
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> nodeA.size() + nodeB.size() >= ids.size());
            assertThat(nodeA).doesNotContainAnyElementsOf(nodeB).isNotEmpty();
            assertThat(nodeB).isNotEmpty();
            assertThat(union(nodeA, nodeB)).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void shouldOfferARequestAgainWithTheOnesBehindItUntilItIsTakenAndCommitOnlyThen() throws Exception {
        List<String> offered = new CopyOnWriteArrayList<>();
        List<String> committed = new CopyOnWriteArrayList<>();
        List<String> notCommitted = new CopyOnWriteArrayList<>();
        try (var node = DialRequestConsumer.start(KafkaConnection.plaintext(broker.bootstrapServers()), new BatchHandler<>() {
            @Override
            public List<Verdict> prepare(List<DialRequest> requests) {
                List<Verdict> verdicts = new ArrayList<>();
                for (DialRequest r : requests) {
                    offered.add(r.attemptId());
                    boolean firstOffer = offered.stream().filter(r.attemptId()::equals).count() == 1;
                    verdicts.add(r.attemptId().equals("again-once") && firstOffer ? Verdict.AGAIN : Verdict.DONE);
                }
                return verdicts;
            }

            @Override
            public void committed(List<DialRequest> requests) {
                requests.forEach(r -> committed.add(r.attemptId()));
            }

            @Override
            public void notCommitted(List<DialRequest> requests) {
                requests.forEach(r -> notCommitted.add(r.attemptId()));
            }
        })) {
            // one contact, one partition: the second request is behind the first
            publisher.publish(TestEvents.dialRequest("again-once", "contact-again")).get(60, TimeUnit.SECONDS);
            publisher.publish(TestEvents.dialRequest("behind-again", "contact-again")).get(60, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> committed.containsAll(List.of("again-once", "behind-again")));
        }
        assertThat(offered).filteredOn("again-once"::equals).hasSize(2);
        assertThat(committed).containsExactly("again-once", "behind-again");
        assertThat(notCommitted).allMatch("behind-again"::equals);

        List<String> offeredToNextNode = new CopyOnWriteArrayList<>();
        try (var next = DialRequestConsumer.start(KafkaConnection.plaintext(broker.bootstrapServers()), takingAll(r -> offeredToNextNode.add(r.attemptId())))) {
            publisher.publish(TestEvents.dialRequest("after-restart")).get(60, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> offeredToNextNode.contains("after-restart"));
        }
        assertThat(offeredToNextNode).doesNotContain("again-once", "behind-again");
    }

    @Test
    void shouldHandOverRequestsAsCommittedOnlyOnceTheGroupHasTheirOffsets() throws Exception {
        Map<String, Map<TopicPartition, OffsetAndMetadata>> groupOffsetsWhenHandedOver = new ConcurrentHashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
             var node = DialRequestConsumer.start(KafkaConnection.plaintext(broker.bootstrapServers()), new BatchHandler<>() {
                 @Override
                 public List<Verdict> prepare(List<DialRequest> requests) {
                     return requests.stream().map(r -> Verdict.DONE).toList();
                 }

                 @Override
                 public void committed(List<DialRequest> requests) {
                     Map<TopicPartition, OffsetAndMetadata> offsets = committedOffsets(admin);
                     requests.forEach(r -> groupOffsetsWhenHandedOver.put(r.attemptId(), offsets));
                 }

                 @Override
                 public void notCommitted(List<DialRequest> requests) {
                 }
             })) {
            RecordMetadata sent = publisher.publish(TestEvents.dialRequest("commit-first")).get(60, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(30)).until(() -> groupOffsetsWhenHandedOver.containsKey("commit-first"));
            OffsetAndMetadata committed = groupOffsetsWhenHandedOver.get("commit-first")
                    .get(new TopicPartition(sent.topic(), sent.partition()));
            assertThat(committed).isNotNull();
            assertThat(committed.offset()).isGreaterThan(sent.offset());
        }
    }

    @Test
    void shouldSkipARecordThatIsNotADialRequestAndCarryOn() throws Exception {
        List<DialRequest> handled = new CopyOnWriteArrayList<>();
        byte[] key = "contact-after-garbage".getBytes(StandardCharsets.UTF_8);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.DIAL_REQUESTS, key, "{not json".getBytes(StandardCharsets.UTF_8))).get();
        }
        try (var node = DialRequestConsumer.start(KafkaConnection.plaintext(broker.bootstrapServers()), takingAll(handled::add))) {
            publisher.publish(TestEvents.dialRequest("garbage")).get(60, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> handled.stream().anyMatch(r -> r.attemptId().equals("garbage")));
        }
    }

    /** A handler that takes every request, noting each as prepared. */
    private static BatchHandler<DialRequest> takingAll(java.util.function.Consumer<DialRequest> note) {
        return new BatchHandler<>() {
            @Override
            public List<Verdict> prepare(List<DialRequest> requests) {
                requests.forEach(note);
                return requests.stream().map(r -> Verdict.DONE).toList();
            }

            @Override
            public void committed(List<DialRequest> requests) {
            }

            @Override
            public void notCommitted(List<DialRequest> requests) {
            }
        };
    }

    private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(Admin admin) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(Topics.DIALER_GROUP)
                    .partitionsToOffsetAndMetadata().get(60, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> present = new java.util.HashMap<>();
            offsets.forEach((p, o) -> {
                if (o != null && p.topic().equals(Topics.DIAL_REQUESTS)) {
                    present.put(p, o);
                }
            });
            return present;
        } catch (Exception e) {
            throw new IllegalStateException(e);
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
