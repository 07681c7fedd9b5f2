package org.epicall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.epicall.kafka.embedded.internal.FreePorts;
import org.epicall.messaging.outbox.OutboxRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ResultPublisherUnreachableBrokerTest {

    private final Logger relayLog = (Logger) LoggerFactory.getLogger(OutboxRelay.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @TempDir
    Path outbox;

    @BeforeEach
    void captureRelayLog() {
        logged.start();
        relayLog.addAppender(logged);
    }

    @AfterEach
    void releaseRelayLog() {
        relayLog.detachAppender(logged);
    }

    @Test
    void shouldKeepResultsAndSayWhichBrokerIsUnreachableAndWhatToDo() {
        String nobody = "localhost:" + FreePorts.pick();
        try (var publisher = ResultPublisher.start(KafkaConnection.plaintext(nobody), outbox, PhoneNumberDisclosure.NEVER)) {
            publisher.sink().surveyFinished(TestEvents.completeSurvey("while-unreachable"));

            await().atMost(Duration.ofSeconds(30)).until(() -> !logged.list.isEmpty());
            assertThat(publisher.pendingCount()).isEqualTo(1);
        }
        assertThat(logged.list.getFirst().getFormattedMessage())
                .contains(nobody, "1 result record(s) are kept in " + outbox, "epicall.kafka.bootstrap-servers");
    }
}
