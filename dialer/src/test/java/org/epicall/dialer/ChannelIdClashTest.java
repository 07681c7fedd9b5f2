package org.epicall.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.epicall.dialer.agi.FixedSurveyScripts;
import org.epicall.dialer.support.DialerFixture;
import org.epicall.dialer.support.Requests;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.survey.call.CallOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asterisk refuses a ChannelId that is a prefix of a live channel's Uniqueid, ignoring case (ami-22):
 * with variable-length attempt ids such as {@code bench-1} and {@code bench-10}, the shorter could not be
 * dialed while the longer rang. The dialer's channel ids never clash.
 */
class ChannelIdClashTest {

    private static final String RINGS_LONG = "+821000000001";
    private static final String BUSY = "+821000000002";

    @TempDir
    Path dir;
    private DialerFixture fixture;

    @BeforeEach
    void start() {
        fixture = new DialerFixture(dir, List.of(
                Resident.of(RINGS_LONG, Behaviour.ANSWER).ringingFor(Duration.ofHours(1)),
                Resident.of(BUSY, Behaviour.BUSY)),
                new FixedSurveyScripts(List.of()));
        await().atMost(Duration.ofSeconds(60)).until(fixture.node()::anyServerUp);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void shouldDialAnAttemptWhoseIdStartsAnotherRingingAttemptsId() {
        fixture.node().submit(Requests.to("bench-10", RINGS_LONG));
        await().atMost(Duration.ofSeconds(60)).until(() -> !fixture.pbx.channels().isEmpty());

        fixture.node().submit(Requests.to("bench-1", BUSY));

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sink.attempt("bench-1").isPresent());
        assertThat(fixture.sink.attempt("bench-1").orElseThrow().outcome()).isEqualTo(CallOutcome.BUSY);
    }

    @Test
    void shouldDialAttemptsWhoseIdsDifferOnlyInCase() {
        fixture.node().submit(Requests.to("Attempt-A", RINGS_LONG));
        await().atMost(Duration.ofSeconds(60)).until(() -> !fixture.pbx.channels().isEmpty());

        fixture.node().submit(Requests.to("attempt-a", BUSY));

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sink.attempt("attempt-a").isPresent());
        assertThat(fixture.sink.attempt("attempt-a").orElseThrow().outcome()).isEqualTo(CallOutcome.BUSY);
    }
}
