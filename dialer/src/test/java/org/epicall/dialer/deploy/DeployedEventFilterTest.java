package org.epicall.dialer.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.epicall.dialer.agi.FixedSurveyScripts;
import org.epicall.dialer.ami.AmiServerConfig;
import org.epicall.dialer.ami.Backoff;
import org.epicall.dialer.support.DialerFixture;
import org.epicall.dialer.support.Requests;
import org.epicall.pbx.ami.ManagerConf;
import org.epicall.pbx.call.FailureEventOrder;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.survey.call.CallOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dialer logged in as deploy/asterisk/manager.conf's user, with its read rights and event filter,
 * still gets every event it classifies by: a rejection whose OriginateResponse comes first, a busy line,
 * an answered survey, and a server refusing calls for its load.
 */
class DeployedEventFilterTest {

    private static final String REJECTS = "+821000000021";
    private static final String BUSY = "+821000000017";
    private static final String ANSWERS = "+821000000001";

    @TempDir
    static Path dir;
    private static DialerFixture fixture;
    private static final AtomicReference<Double> LOAD = new AtomicReference<>(0.2);

    @BeforeAll
    static void start() {
        Path managerConf = Files.isRegularFile(Path.of("../deploy/asterisk/manager.conf"))
                ? Path.of("../deploy/asterisk/manager.conf") : Path.of("deploy/asterisk/manager.conf");
        fixture = new DialerFixture(dir, List.of(
                Resident.of(REJECTS, Behaviour.REJECTED),
                Resident.of(BUSY, Behaviour.BUSY),
                Resident.of(ANSWERS, Behaviour.ANSWER)),
                new FixedSurveyScripts(List.of()),
                config -> config.withRefusals(Duration.ofMillis(500), new Backoff(Duration.ofMillis(100),
                        Duration.ofMillis(500), 2)).withServers(config.servers().stream().map(s -> AmiServerConfig.of(
                        s.name(), s.host(), s.port(), "epicall", "change-me", s.maxChannels(), s.dialTemplate()))
                        .toList()),
                pbx -> pbx.with(b -> b.users(ManagerConf.users(managerConf))
                        .failureOrder(FailureEventOrder.RESPONSE_FIRST).maxLoad(1.8).loadAverage(LOAD::get)));
        await().atMost(Duration.ofSeconds(60)).until(fixture.node()::anyServerUp);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            REJECTS + ", REJECTED",
            BUSY + ", BUSY",
            ANSWERS + ", ANSWERED",
    })
    void shouldClassifyEveryCallFromTheEventsTheDeploymentLetsThrough(String number, CallOutcome expected) {
        String attemptId = "filtered-" + number.substring(number.length() - 2);

        fixture.node().submit(Requests.to(attemptId, number));

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sink.attempt(attemptId).isPresent());
        assertThat(fixture.sink.attempt(attemptId).orElseThrow().outcome()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void shouldDialAgainAnAttemptTheServerRefusedForItsLoad() {
        LOAD.set(3.3);
        fixture.node().submit(Requests.to("filtered-load", BUSY));
        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.node().serverLoads().getFirst().backingOff());
        LOAD.set(0.2);

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sink.attempt("filtered-load").isPresent());
        assertThat(fixture.sink.attempt("filtered-load").orElseThrow().outcome()).isEqualTo(CallOutcome.BUSY);
    }
}
