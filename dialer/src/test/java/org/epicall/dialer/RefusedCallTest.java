package org.epicall.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.epicall.dialer.agi.FixedSurveyScripts;
import org.epicall.dialer.ami.AmiServerConfig;
import org.epicall.dialer.support.DialerFixture;
import org.epicall.dialer.support.Requests;
import org.epicall.pbx.call.FailureEventOrder;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A call the far end refuses before answering fails with Reason 0, and real Asterisk may send that
 * OriginateResponse before any event that carries the cause (ami-21: 7 of 40 rejections). The dialer
 * classifies from the cause however the events are ordered, over a Local pair and over a PJSIP trunk.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedCallTest {

    private static final String REJECTS = "+821000000021";
    private static final String SWITCHED_OFF = "+821000000020";
    private static final String NOT_IN_SERVICE = "+821000000001";

    @TempDir
    static Path dir;
    private final List<DialerFixture> fixtures = new ArrayList<>();

    /** A simulator sending a failed call's events in one order, and a node dialing it with one template. */
    private void fixture(FailureEventOrder order, String dialTemplate) {
        Path own = dir.resolve(order.name() + "-" + fixtures.size());
        DialerFixture fixture = new DialerFixture(own, List.of(
                Resident.of(REJECTS, Behaviour.REJECTED),
                Resident.of(SWITCHED_OFF, Behaviour.ABSENT),
                Resident.of(NOT_IN_SERVICE, Behaviour.UNALLOCATED)),
                new FixedSurveyScripts(List.of()),
                config -> config.withServers(config.servers().stream().map(s -> AmiServerConfig.of(s.name(), s.host(),
                        s.port(), s.username(), s.secret(), s.maxChannels(), dialTemplate)).toList()),
                pbx -> pbx.with(b -> b.failureOrder(order)));
        fixtures.add(fixture);
        await().atMost(Duration.ofSeconds(60)).until(fixture.node()::anyServerUp);
    }

    @BeforeAll
    void start() {
        for (FailureEventOrder order : List.of(FailureEventOrder.RESPONSE_FIRST,
                FailureEventOrder.RESPONSE_BEFORE_CALLER_HANGUP, FailureEventOrder.RESPONSE_LAST)) {
            fixture(order, "Local/{number}@residents");
        }
        // a trunk has one channel: its only Hangup may come after the response in every order
        fixture(FailureEventOrder.RESPONSE_FIRST, "PJSIP/{number}@trunk");
    }

    @AfterAll
    void stop() {
        fixtures.forEach(DialerFixture::close);
    }

    Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (DialerFixture fixture : fixtures) {
            cases.add(Arguments.of(fixture, REJECTS, CallOutcome.REJECTED, 21));
            cases.add(Arguments.of(fixture, SWITCHED_OFF, CallOutcome.NO_ANSWER, 20));
            cases.add(Arguments.of(fixture, NOT_IN_SERVICE, CallOutcome.INVALID_NUMBER, 1));
        }
        return cases.stream();
    }

    // the fixtures are shared by every case: JUnit must not close them after the first
    @ParameterizedTest(name = "{index}: {1} -> {2}", autoCloseArguments = false)
    @MethodSource("cases")
    void shouldClassifyARefusedCallByItsCauseWhereverTheOriginateResponseFalls(DialerFixture fixture, String number,
                                                                             CallOutcome expected, int cause) {
        String attemptId = "refused-" + number.substring(number.length() - 2) + "-" + fixtures.indexOf(fixture);

        fixture.node().submit(Requests.to(attemptId, number));

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sink.attempt(attemptId).isPresent());
        AttemptResult result = fixture.sink.attempt(attemptId).orElseThrow();
        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.hangupCause()).isEqualTo(cause);
        assertThat(fixture.sink.violations()).isEmpty();
    }
}
