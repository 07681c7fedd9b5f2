package org.epicall.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.epicall.dialer.agi.FixedSurveyScripts;
import org.epicall.dialer.ami.AmiServerConfig;
import org.epicall.dialer.ami.Backoff;
import org.epicall.dialer.support.DialerFixture;
import org.epicall.dialer.support.Requests;
import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asterisk refuses calls for its own limits: past {@code maxload} every originate fails with Reason 0
 * and no cause before anyone's phone rings, and past {@code maxcalls} a call may be answered and then
 * dropped with cause 0 before its dialplan starts (ami-27). Neither is the resident's doing: the server
 * backs off, and the attempt is dialed again elsewhere or later, or reported as the server's failure.
 */
class ServerRefusalTest {

    private static final String BUSY = "+821000000002";
    private static final String ANSWERS = "+821000000001";

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
    }

    private static DialerConfig fastBackoff(DialerConfig config) {
        return config.withRefusals(Duration.ofMillis(500), new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), 2));
    }

    @Test
    void shouldDialARefusedAttemptAgainOnceTheLoadDropsWithoutReportingTheRefusal() {
        AtomicReference<Double> load = new AtomicReference<>(3.3);
        DialerFixture fixture = new DialerFixture(dir, List.of(Resident.of(BUSY, Behaviour.BUSY)),
                new FixedSurveyScripts(List.of()), ServerRefusalTest::fastBackoff,
                pbx -> pbx.with(b -> b.maxLoad(1.8).loadAverage(load::get)));
        open.add(fixture);
        await().atMost(Duration.ofSeconds(60)).until(fixture.node()::anyServerUp);

        fixture.node().submit(Requests.to("loaded", BUSY));
        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.node().serverLoads().getFirst().backingOff());
        assertThat(fixture.sink.attempt("loaded")).isEmpty();
        load.set(0.5);

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sink.attempt("loaded").isPresent());
        AttemptResult result = fixture.sink.attempt("loaded").orElseThrow();
        assertThat(result.outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(fixture.meters.get("epicall.dialer.server.refusals").counter().count()).isPositive();
        assertThat(fixture.sink.violations()).isEmpty();
    }

    @Test
    void shouldDialAnAttemptARefusingServerTurnedAwayOnAnotherServer() {
        PbxSimulator other = PbxSimulator.start(PbxConfig.builder().timeScale(DialerFixture.TIME_SCALE)
                .residents(ResidentDirectory.of(List.of(Resident.of(BUSY, Behaviour.BUSY)))).build());
        open.add(other);
        DialerFixture fixture = new DialerFixture(dir, List.of(Resident.of(BUSY, Behaviour.BUSY)),
                new FixedSurveyScripts(List.of()),
                config -> fastBackoff(config).withServers(List.of(config.servers().getFirst(),
                        AmiServerConfig.of("sim-2", "127.0.0.1", other.amiPort(), "dialer-min", "secret", 500,
                                "Local/{number}@residents"))),
                pbx -> pbx.with(b -> b.maxLoad(1.8).loadAverage(() -> 3.3)));
        open.add(fixture);
        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.node().serverLoads().stream()
                .allMatch(s -> s.up()));

        fixture.node().submit(Requests.to("elsewhere", BUSY));

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sink.attempt("elsewhere").isPresent());
        AttemptResult result = fixture.sink.attempt("elsewhere").orElseThrow();
        assertThat(result.outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(result.server()).isEqualTo("sim-2");
    }

    @Test
    void shouldReportAnAnsweredCallTheServerDroppedBeforeItsDialplanAsTheServersFailure() {
        DialerFixture fixture = new DialerFixture(dir, List.of(Resident.of(ANSWERS, Behaviour.SILENT)),
                new FixedSurveyScripts(List.of()), ServerRefusalTest::fastBackoff,
                pbx -> pbx.with(b -> b.maxCalls(1)));
        open.add(fixture);
        await().atMost(Duration.ofSeconds(60)).until(fixture.node()::anyServerUp);

        fixture.node().submit(Requests.to("dropped", ANSWERS));

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sink.attempt("dropped").isPresent());
        AttemptResult result = fixture.sink.attempt("dropped").orElseThrow();
        assertThat(result.outcome()).isEqualTo(CallOutcome.UNREACHABLE_SERVER);
        assertThat(result.outcome().countsAgainstResident()).isFalse();
        assertThat(result.detail()).contains("maxcalls");
        assertThat(fixture.sink.survey("dropped")).isEmpty();
    }

    @Test
    void shouldGiveUpOnAnAttemptTheServerKeepsRefusingAsTheServersFailure() {
        DialerFixture fixture = new DialerFixture(dir, List.of(Resident.of(BUSY, Behaviour.BUSY)),
                new FixedSurveyScripts(List.of()),
                config -> config.withRefusals(Duration.ofMillis(500), new Backoff(Duration.ofMillis(10),
                        Duration.ofMillis(20), 2)),
                pbx -> pbx.with(b -> b.maxLoad(1.8).loadAverage(() -> 3.3)));
        open.add(fixture);
        await().atMost(Duration.ofSeconds(60)).until(fixture.node()::anyServerUp);

        fixture.node().submit(Requests.to("refused", BUSY));

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sink.attempt("refused").isPresent());
        AttemptResult result = fixture.sink.attempt("refused").orElseThrow();
        assertThat(result.outcome()).isEqualTo(CallOutcome.UNREACHABLE_SERVER);
        assertThat(result.detail()).contains("gave up after 10 tries");
    }
}
