package org.epicall.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.epicall.dialer.agi.FixedSurveyScripts;
import org.epicall.dialer.support.DialerFixture;
import org.epicall.dialer.support.Requests;
import org.epicall.pbx.call.Dialplan;
import org.epicall.pbx.call.Dialplan.App;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The survey context runs {@code AMD()} before the FastAGI script (deploy/asterisk/extensions.conf); the
 * dialer reads AMDSTATUS and AMDCAUSE and reports a voicemail as MACHINE, with nobody surveyed, while a
 * person, and a line that stays silent (which AMD also calls MACHINE, INITIALSILENCE), are surveyed.
 */
class AnsweringMachineTest {

    private static final String PERSON = "+821000000001";
    private static final String VOICEMAIL = "+821000000002";
    private static final String SILENT = "+821000000003";

    @TempDir
    static Path dir;
    private static DialerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new DialerFixture(dir, List.of(
                Resident.of(PERSON, Behaviour.ANSWER),
                Resident.of(VOICEMAIL, Behaviour.MACHINE),
                Resident.of(SILENT, Behaviour.SILENT)),
                new FixedSurveyScripts(List.of()), config -> config,
                pbx -> pbx.with(b -> b.dialplan(Dialplan.survey(URI.create("agi://127.0.0.1:" + pbx.agiPort()
                        + "/survey")).withSurveyContext("survey", Dialplan.Context.of(App.noOp("epicall survey"),
                        App.amd(), App.agi(URI.create("agi://127.0.0.1:" + pbx.agiPort() + "/survey")),
                        App.hangup())))));
        await().atMost(Duration.ofSeconds(60)).until(fixture.node()::anyServerUp);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            PERSON + ", ANSWERED",
            VOICEMAIL + ", MACHINE",
            SILENT + ", ANSWERED",
    })
    void shouldReportAVoicemailAsAMachineAndSurveyEveryoneElse(String number, CallOutcome expected) {
        String attemptId = "amd-" + number.substring(number.length() - 1);

        fixture.node().submit(Requests.to(attemptId, number));

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sink.attempt(attemptId).isPresent());
        AttemptResult result = fixture.sink.attempt(attemptId).orElseThrow();
        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.answeredAt()).isNotNull();
        assertThat(fixture.sink.survey(attemptId).isPresent()).isEqualTo(expected == CallOutcome.ANSWERED);
        if (expected == CallOutcome.MACHINE) {
            assertThat(result.detail()).contains("LONGGREETING");
        }
    }
}
