package org.epicall.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.epicall.dialer.ami.AmiServerConfig;
import org.epicall.dialer.pacing.PacingGate.ServerLoad;
import org.epicall.dialer.support.DialerFixture;
import org.epicall.dialer.agi.FixedSurveyScripts;
import org.epicall.dialer.support.Ports;
import org.epicall.dialer.support.Requests;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node with two Asterisk servers, one of which cannot be reached. */
class ServerRoutingTest {

    private static final String BUSY = "+821000000002";

    @TempDir
    Path dir;
    private DialerFixture fixture;

    @BeforeEach
    void start() {
        int nobodyListens = Ports.free();
        fixture = new DialerFixture(dir, List.of(Resident.of(BUSY, Behaviour.BUSY)), new FixedSurveyScripts(List.of()),
                config -> {
                    List<AmiServerConfig> servers = new ArrayList<>(config.servers());
                    servers.add(AmiServerConfig.of("unreachable", "127.0.0.1", nobodyListens, "dialer-min", "secret",
                            500, "Local/{number}@residents"));
                    return new DialerConfig(servers, config.callsPerSecond(), config.burst(), config.trunkCaps(),
                            config.ringTimeout(), config.responseGrace(), config.surveyStartGrace(),
                            config.causeGrace(), config.refusalBackoff(), config.reconnect(), config.ledger(),
                            config.maxQueued(), config.agi());
                });
        await().atMost(Duration.ofSeconds(60)).until(fixture.node()::anyServerUp);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void shouldRouteEveryCallToTheServerThatIsUp() {
        IntStream.range(0, 10).forEach(i -> fixture.node().submit(Requests.to("routed-" + i, BUSY)));

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.sink.attempts().size() == 10);
        assertThat(fixture.sink.attempts()).allSatisfy(result -> {
            assertThat(result.server()).isEqualTo("sim-1");
            assertThat(result.outcome()).isEqualTo(CallOutcome.BUSY);
        });
        assertThat(fixture.node().serverLoads()).extracting(ServerLoad::server, ServerLoad::up)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sim-1", true),
                        org.assertj.core.groups.Tuple.tuple("unreachable", false));
    }

    @Test
    void shouldReleaseEveryChannelOnceItsCallEnded() {
        IntStream.range(0, 10).forEach(i -> fixture.node().submit(Requests.to("released-" + i, BUSY)));

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.sink.attempts().size() == 10);
        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.node().liveCalls() == 0);
        assertThat(fixture.node().serverLoads()).extracting(ServerLoad::active).containsOnly(0);
        assertThat(fixture.sink.attempts()).extracting(AttemptResult::attemptId).doesNotHaveDuplicates();
    }
}
