package org.epicall.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StageTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "recognition-1, RECOGNITION",
            "ForkJoinPool-1-worker-2, VIRTUAL_THREADS",
            "Asterisk-Java ManagerConnection-0-Reader-0, TELEPHONY",
            "ami-in-3, TELEPHONY",
            "dialer-pacer, TELEPHONY",
            "data-plane-kafka-request-handler-4, KAFKA",
            "kafka-producer-network-thread | epicall-results, KAFKA",
            "epicall-consumer-epicall.call-attempts, KAFKA",
            "epicall-outbox-relay, KAFKA",
            "quorum-controller-1-event-handler, KAFKA",
            "http-nio-8080-exec-1, CAMPAIGN",
            "C2 CompilerThread0, JVM",
            "G1 Refine#0, JVM",
            "main, OTHER",
            "something-new, OTHER"})
    void shouldCountAThreadsCpuTowardsTheStageItsNameBelongsTo(String threadName, Stage expected) {
        assertThat(Stage.of(threadName)).isEqualTo(expected);
    }
}
