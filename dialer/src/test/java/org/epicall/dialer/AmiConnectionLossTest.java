package org.epicall.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.epicall.dialer.support.DialerFixture;
import org.epicall.dialer.agi.FixedSurveyScripts;
import org.epicall.dialer.support.Requests;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AMI session drops mid-campaign: the calls in flight each end exactly once, and dialing
 * resumes once the session is back. The simulator runs in real time here so that ring times and the
 * dialer's own deadlines are on one clock.
 */
class AmiConnectionLossTest {

    private static final String BUSY_AFTER_RINGING = "+821000000012";
    private static final String BUSY = "+821000000002";

    @TempDir
    Path dir;
    private DialerFixture fixture;

    @BeforeEach
    void start() {
        fixture = new DialerFixture(dir, List.of(
                Resident.of(BUSY_AFTER_RINGING, Behaviour.BUSY).ringingFor(Duration.ofMillis(1500)),
                Resident.of(BUSY, Behaviour.BUSY)),
                new FixedSurveyScripts(List.of()),
                config -> new DialerConfig(
                        config.servers().stream().map(s -> s.withKeepAlive(Duration.ofMillis(300))).toList(),
                        config.callsPerSecond(), config.burst(), config.trunkCaps(), Duration.ofSeconds(3),
                        Duration.ofSeconds(1), Duration.ofSeconds(5), config.causeGrace(), config.refusalBackoff(),
                        config.reconnect(), config.ledger(), config.maxQueued(), config.agi()),
                1.0);
        await().atMost(Duration.ofSeconds(60)).until(fixture.node()::anyServerUp);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void submitRinging(String prefix, int count) {
        IntStream.range(0, count).forEach(i -> fixture.node().submit(Requests.to(prefix + i, BUSY_AFTER_RINGING)));
        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.pbx.activeCalls() == count);
    }

    @Test
    void shouldResolveCallsInFlightFromEventsOnTheReconnectedSession() {
        submitRinging("quick-", 5);

        fixture.amiProxy.cut();

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sink.attempts().size() == 5);
        assertThat(fixture.sink.attempts()).extracting(AttemptResult::outcome).containsOnly(CallOutcome.BUSY);
        assertThat(fixture.meters.counter("epicall.dialer.link.down", "server", "sim-1").count()).isEqualTo(1);
        assertThat(fixture.sink.violations()).isEmpty();
    }

    @Test
    void shouldEndCallsInFlightAsUnreachableWhenTheServerStaysAwayPastTheirDeadline() {
        submitRinging("lost-", 5);

        fixture.amiProxy.refuse(true);
        fixture.amiProxy.cut();

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sink.attempts().size() == 5);
        assertThat(fixture.sink.attempts()).allSatisfy(result -> {
            assertThat(result.outcome()).isEqualTo(CallOutcome.UNREACHABLE_SERVER);
            assertThat(result.detail()).contains("AMI session with sim-1 was lost");
        });
        assertThat(fixture.node().anyServerUp()).isFalse();
    }

    @Test
    void shouldResumeDialingOnceTheServerIsBack() {
        submitRinging("before-", 3);
        fixture.amiProxy.refuse(true);
        fixture.amiProxy.cut();
        await().atMost(Duration.ofSeconds(60)).until(() -> !fixture.node().anyServerUp());

        IntStream.range(0, 3).forEach(i -> fixture.node().submit(Requests.to("during-" + i, BUSY)));
        fixture.amiProxy.refuse(false);

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.sink.attempts().size() == 6);
        assertThat(IntStream.range(0, 3).mapToObj(i -> fixture.sink.attempt("during-" + i).orElseThrow().outcome()))
                .containsOnly(CallOutcome.BUSY);
        assertThat(fixture.sink.violations()).isEmpty();
    }

    @Test
    void shouldReconnectWhenTheServerStopsAnsweringPings() {
        fixture.amiProxy.silence(true);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                fixture.meters.counter("epicall.dialer.link.down", "server", "sim-1").count() >= 1);
        fixture.amiProxy.silence(false);
        await().atMost(Duration.ofSeconds(30)).until(fixture.node()::anyServerUp);

        fixture.node().submit(Requests.to("after-silence", BUSY));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.sink.attempt("after-silence").isPresent());
        assertThat(fixture.sink.attempt("after-silence").orElseThrow().outcome()).isEqualTo(CallOutcome.BUSY);
    }
}
