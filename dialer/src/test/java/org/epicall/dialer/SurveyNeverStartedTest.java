package org.epicall.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import org.epicall.dialer.support.DialerFixture;
import org.epicall.dialer.agi.FixedSurveyScripts;
import org.epicall.dialer.support.Requests;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.SurveyResponse;
import org.epicall.survey.call.SurveyStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resident answers but the PBX cannot reach the FastAGI server: the call still ends with both records. */
class SurveyNeverStartedTest {

    private static final String ANSWERS = "+821000000001";

    @TempDir
    Path dir;
    private DialerFixture fixture;

    @BeforeEach
    void start() {
        fixture = new DialerFixture(dir, List.of(Resident.of(ANSWERS, Behaviour.ANSWER)), new FixedSurveyScripts(List.of()),
                UnaryOperator.identity(), DialerFixture.TIME_SCALE, false);
        await().atMost(Duration.ofSeconds(60)).until(fixture.node()::anyServerUp);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void shouldReportAnAnsweredCallWithAnEmptyPartialSurveyWhenItsSurveyNeverStarted() {
        fixture.node().submit(Requests.to("no-agi", ANSWERS));

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sink.attempt("no-agi").isPresent());
        AttemptResult attempt = fixture.sink.attempt("no-agi").orElseThrow();
        assertThat(attempt.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(attempt.detail()).contains("before the survey's AGI session started");
        SurveyResponse survey = fixture.sink.survey("no-agi").orElseThrow();
        assertThat(survey.status()).isEqualTo(SurveyStatus.PARTIAL);
        assertThat(survey.answers()).isEmpty();
        assertThat(fixture.sink.violations()).isEmpty();
    }
}
