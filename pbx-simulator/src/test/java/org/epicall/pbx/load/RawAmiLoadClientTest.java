package org.epicall.pbx.load;

import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawAmiLoadClientTest {

    @Test
    void shouldMatchEveryOriginateResponseToItsOriginate() throws Exception {
        try (PbxSimulator pbx = PbxSimulator.start(PbxConfig.builder().timeScale(100)
                .residents(ResidentDirectory.of(List.of(Resident.of("+821000000001", Behaviour.ANSWER),
                        Resident.of("+821000000002", Behaviour.BUSY))))
                .build());
             RawAmiLoadClient client = RawAmiLoadClient.connect("127.0.0.1", pbx.amiPort(), "dialer", "secret")) {

            LoadReport report = client.run(new RawAmiLoadClient.Plan(400, Duration.ofSeconds(10), 60,
                    n -> "Local/+82100000000" + (1 + n % 2) + "@residents", "nowhere", Duration.ofSeconds(30),
                    Duration.ofSeconds(10)));

            assertThat(report.sent()).isEqualTo(60);
            assertThat(report.responded()).isEqualTo(60);
            assertThat(report.succeeded()).isEqualTo(30);
            assertThat(report.missing()).isZero();
            assertThat(report.latencies()).hasSize(60).isSorted();
            assertThat(report.format("raw ")).contains("raw achieved rate: ").contains("raw latency p99: ");
        }
    }

    @Test
    void shouldRefuseToRunWithAWrongSecret() {
        try (PbxSimulator pbx = PbxSimulator.start(PbxConfig.builder().timeScale(100).build())) {
            assertThatThrownBy(() -> RawAmiLoadClient.connect("127.0.0.1", pbx.amiPort(), "dialer", "nope"))
                    .isInstanceOf(IOException.class).hasMessageContaining("Authentication failed");
        }
    }
}
