package org.epicall.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.epicall.dialer.support.DialerFixture;
import org.epicall.dialer.agi.FixedSurveyScripts;
import org.epicall.dialer.support.Requests;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each network outcome, placed over real AMI against the PBX simulator. */
class CallOutcomeTest {

    @TempDir
    static Path dir;
    private static DialerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new DialerFixture(dir, List.of(
                Resident.of("+821000000001", Behaviour.ANSWER),
                Resident.of("+821000000002", Behaviour.BUSY),
                Resident.of("+821000000003", Behaviour.NO_ANSWER),
                Resident.of("+821000000004", Behaviour.CONGESTION),
                Resident.of("+821000000005", Behaviour.REJECTED)),
                new FixedSurveyScripts(List.of()));
        await().atMost(Duration.ofSeconds(60)).until(fixture.node()::anyServerUp);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "+821000000001, ANSWERED",
            "+821000000002, BUSY",
            "+821000000003, NO_ANSWER",
            "+821000000004, CONGESTION",
            "+821000000005, REJECTED",
    })
    void shouldReportTheOutcomeThePbxGaveTheCall(String number, CallOutcome expected) {
        String attemptId = "outcome-" + expected.name().toLowerCase();

        assertThat(fixture.node().submit(Requests.to(attemptId, number)).status())
                .isEqualTo(SubmitResult.Status.ACCEPTED);

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sink.attempt(attemptId).isPresent());
        AttemptResult result = fixture.sink.attempt(attemptId).orElseThrow();
        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.server()).isEqualTo("sim-1");
        assertThat(result.originatedAt()).isNotNull();
        assertThat(fixture.sink.survey(attemptId).isPresent()).isEqualTo(expected == CallOutcome.ANSWERED);
        assertThat(fixture.sink.violations()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void shouldKeepTheCauseOfTheHangupThatCameBeforeARejectedOriginatesResponse() {
        fixture.node().submit(Requests.to("rejected-cause", "+821000000005"));

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sink.attempt("rejected-cause").isPresent());
        AttemptResult result = fixture.sink.attempt("rejected-cause").orElseThrow();
        assertThat(result.outcome()).isEqualTo(CallOutcome.REJECTED);
        assertThat(result.hangupCause()).isEqualTo(21);
    }
}
