package org.epicall.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
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

/** Garbage, forged events and a half-line arrive on the AMI socket: the node survives and every call ends once. */
class AmiGarbageTest {

    private static final String BUSY = "+821000000002";
    private static final String GARBAGE = "this is not AMI at all\r\n"
            + "\u0000\u00ff\u00fe\r\n\r\n"
            + "Event: Hangup\r\nUniqueid: ec-ghost\r\nCause: not-a-number\r\n\r\n"
            + "Event: OriginateResponse\r\nResponse: Success\r\nUniqueid: ec-never-submitted\r\nReason: ?\r\n\r\n"
            + "Response: Success\r\nActionID: 12345_9#forged\r\n\r\n"
            + "Half-line with no end";

    @TempDir
    Path dir;
    private DialerFixture fixture;

    @BeforeEach
    void start() {
        fixture = new DialerFixture(dir, List.of(Resident.of(BUSY, Behaviour.BUSY)), new FixedSurveyScripts(List.of()),
                config -> config.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(5)));
        await().atMost(Duration.ofSeconds(60)).until(fixture.node()::anyServerUp);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void shouldEndEveryCallOnceAndKeepDialingAfterGarbageOnTheAmiSocket() {
        fixture.amiProxy.injectToClients(GARBAGE.getBytes(StandardCharsets.ISO_8859_1));
        IntStream.range(0, 3).forEach(i -> fixture.node().submit(Requests.to("garbled-" + i, BUSY)));

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.sink.attempts().size() == 3);
        assertThat(fixture.sink.attempts()).extracting(AttemptResult::outcome)
                .allMatch(o -> o == CallOutcome.BUSY || o == CallOutcome.UNREACHABLE_SERVER);
        assertThat(fixture.sink.attempt("ghost")).isEmpty();
        assertThat(fixture.sink.attempt("never-submitted")).isEmpty();

        fixture.node().submit(Requests.to("after-garbage", BUSY));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.sink.attempt("after-garbage").isPresent());
        assertThat(fixture.sink.attempt("after-garbage").orElseThrow().outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(fixture.sink.violations()).isEmpty();
    }
}
