package org.epicall.dialer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.epicall.dialer.agi.FixedSurveyScripts;
import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.messaging.BatchHandler;
import org.epicall.messaging.DialRequestPublisher;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.call.Channel;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.epicall.survey.call.DialRequest;
import org.epicall.messaging.KafkaConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two dialer nodes in one consumer group, the first dying part-way through a poll: a resident is rung
 * by at most one node. Residents keep ringing for an hour, so every originate stays visible at the
 * simulator as a live channel to count.
 */
class DialerNodeCrashTest {

    private static final int REQUESTS = 4;

    /** What a node's consumer thread dies of: an Error, which nothing in the loop catches. */
    private static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash of a dialer node");
        }
    }

    @TempDir
    Path dir;
    private EmbeddedKafkaBroker kafka;
    private DialRequestPublisher publisher;
    private PbxSimulator pbx;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<String> numbers = IntStream.range(0, REQUESTS).mapToObj(i -> "+82100000010" + i).toList();

    @BeforeAll
    static void crashesAreExpected() {
        org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @BeforeEach
    void start() {
        kafka = TestNodes.kafka(dir.resolve("kafka"));
        publisher = new DialRequestPublisher(KafkaConnection.plaintext(kafka.bootstrapServers()));
        pbx = PbxSimulator.start(TestNodes.pbx()
                .residents(ResidentDirectory.of(numbers.stream()
                        .map(n -> Resident.of(n, Behaviour.ANSWER).ringingFor(Duration.ofHours(1))).toList()))
                .build());
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : started.reversed()) {
            c.close();
        }
        pbx.close();
        publisher.close();
        kafka.close();
    }

    @Test
    void shouldHaveAnotherNodeDialEachRequestOnceWhenANodeDiesAfterRecordingThemAndBeforeCommitting() throws Exception {
        publishAll();
        AtomicBoolean crashed = new AtomicBoolean();
        SimpleMeterRegistry metersA = new SimpleMeterRegistry();
        DialerService nodeA = node("a", metersA, handler -> new BatchHandler<>() {
            @Override
            public List<Verdict> prepare(List<DialRequest> requests) {
                handler.prepare(requests);
                crashed.set(true);
                throw new SimulatedCrash();
            }

            @Override
            public void committed(List<DialRequest> requests) {
                handler.committed(requests);
            }

            @Override
            public void notCommitted(List<DialRequest> requests) {
                handler.notCommitted(requests);
            }
        });
        await().atMost(Duration.ofSeconds(60)).untilTrue(crashed);
        assertThat(nodeA.node().heldAttempts()).isPositive();

        SimpleMeterRegistry metersB = new SimpleMeterRegistry();
        node("b", metersB, UnaryOperator.identity());

        await().atMost(Duration.ofSeconds(60)).until(() -> originatesPerNumber().size() == REQUESTS);
        assertThat(originatesPerNumber()).allSatisfy((number, count) -> assertThat(count).isOne());
        assertThat(originates(metersA)).isZero();
        assertThat(originates(metersB)).isEqualTo(REQUESTS);
    }

    @Test
    void shouldHaveNoNodeDialTheRequestsWhenANodeDiesAfterCommittingAndBeforeDialing() throws Exception {
        publishAll();
        AtomicBoolean crashed = new AtomicBoolean();
        SimpleMeterRegistry metersA = new SimpleMeterRegistry();
        DialerService nodeA = node("a", metersA, handler -> new BatchHandler<>() {
            @Override
            public List<Verdict> prepare(List<DialRequest> requests) {
                return handler.prepare(requests);
            }

            @Override
            public void committed(List<DialRequest> requests) {
                crashed.set(true);
                throw new SimulatedCrash();
            }

            @Override
            public void notCommitted(List<DialRequest> requests) {
                handler.notCommitted(requests);
            }
        });
        await().atMost(Duration.ofSeconds(60)).untilTrue(crashed);
        int recordedByA = nodeA.node().heldAttempts();

        // B joins the group and takes over the partitions; a later request proves it is consuming
        SimpleMeterRegistry metersB = new SimpleMeterRegistry();
        node("b", metersB, UnaryOperator.identity());
        String marker = "+821000000200";
        publisher.publish(new DialRequest("after-crash", "camp-crash", "contact-after", marker, "ko", "covid-checkin",
                1, Instant.now().plusSeconds(3600))).get(60, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60)).until(() -> originates(metersB) >= 1);

        assertThat(recordedByA).isEqualTo(REQUESTS);
        assertThat(originatesPerNumber()).isEmpty();
        assertThat(originates(metersA)).isZero();
        assertThat(originates(metersB)).isOne();
    }

    private void publishAll() throws Exception {
        for (int i = 0; i < REQUESTS; i++) {
            publisher.publish(new DialRequest("crash-" + i, "camp-crash", "contact-" + i, numbers.get(i), "ko",
                    "covid-checkin", 1, Instant.now().plusSeconds(3600))).get(60, TimeUnit.SECONDS);
        }
    }

    private DialerService node(String name, SimpleMeterRegistry meters,
                                UnaryOperator<BatchHandler<DialRequest>> intake) {
        Path nodeDir = dir.resolve("dialer-" + name);
        DialerService node = DialerService.start(
                TestNodes.config(nodeDir, pbx.amiPort(), 50, 50)
                        .withTimeouts(Duration.ofHours(1), Duration.ofSeconds(15), Duration.ofSeconds(30)),
                DialerService.Settings.of(KafkaConnection.plaintext(kafka.bootstrapServers()), nodeDir.resolve("outbox")),
                new FixedSurveyScripts(List.of()), CallReadiness.ALWAYS, meters, intake);
        started.add(node);
        return node;
    }

    /** Originates the simulator has seen per resident number (each rings for an hour, so all are live). */
    private Map<String, Long> originatesPerNumber() {
        // an originate to Local/{number}@residents makes two channels (;1 and ;2) sharing one linkedid
        return pbx.channels().stream()
                .filter(c -> numbers.stream().anyMatch(c.name()::contains))
                .collect(Collectors.groupingBy(c -> numbers.stream().filter(c.name()::contains).findFirst().orElseThrow(),
                        Collectors.collectingAndThen(Collectors.mapping(Channel::linkedid, Collectors.toSet()),
                                linked -> (long) linked.size())));
    }

    private static double originates(SimpleMeterRegistry meters) {
        return meters.find("epicall.dialer.originates").counters().stream().mapToDouble(Counter::count).sum();
    }
}
