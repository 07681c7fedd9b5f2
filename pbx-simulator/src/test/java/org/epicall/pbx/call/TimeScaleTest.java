package org.epicall.pbx.call;

import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.epicall.pbx.support.AmiTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeScaleTest {

    @Test
    void shouldDivideSimulatedTimeByTheFactor() {
        TimeScale fifty = new TimeScale(50);

        assertThat(fifty.toWall(Duration.ofSeconds(10))).isEqualTo(Duration.ofMillis(200));
        assertThat(fifty.toSimulated(Duration.ofMillis(200))).isEqualTo(Duration.ofSeconds(10));
        assertThat(fifty.toWall(Duration.ofSeconds(-1))).isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void shouldRejectFactorsThatAreNotPositive(double factor) {
        assertThatThrownBy(() -> new TimeScale(factor)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time-scale factor");
    }

    @Test
    void shouldRunAnHourOfRingingWithinTheTestsWaitAtAScaleOfTenThousand() throws Exception {
        try (PbxSimulator pbx = PbxSimulator.start(PbxConfig.builder().timeScale(10_000)
                .residents(ResidentDirectory.of(List.of(Resident.of("+821000000003", Behaviour.NO_ANSWER))))
                .build());
             AmiTestClient client = AmiTestClient.loggedIn(pbx.amiPort(), "dialer", "secret", true)) {
            client.send("Action: Originate", "ActionID: o1", "Channel: Local/+821000000003@residents",
                    "Context: survey", "Exten: s", "Priority: 1", "Timeout: 3600000", "Async: true");

            assertThat(client.awaitEvent("OriginateResponse")).containsEntry("Reason", "3");
            assertThat(client.awaitEvent("Hangup")).containsEntry("Cause", "19");
        }
    }
}
