package org.epicall.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.epicall.dialer.agi.AgiConfig;
import org.epicall.dialer.ami.AmiServerConfig;
import org.epicall.dialer.ami.Backoff;
import org.epicall.dialer.ledger.LedgerConfig;
import org.junit.jupiter.api.Test;

class DialerConfigTest {

    private static final AmiServerConfig SERVER =
            AmiServerConfig.of("pbx-1", "asterisk", 5038, "epicall", "secret", 450, "PJSIP/{digits}@carrier-trunk");

    @Test
    void shouldStateItsDefaults() {
        DialerConfig config = DialerConfig.defaults(List.of(SERVER), Path.of("ledger.log"), Path.of("rec"));

        assertThat(config.callsPerSecond()).isEqualTo(10);
        assertThat(config.burst()).isEqualTo(1);
        assertThat(config.ringTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.responseGrace()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.surveyStartGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.reconnect()).isEqualTo(Backoff.standard());
        assertThat(config.maxQueued()).isEqualTo(100_000);
        AgiConfig agi = config.agi();
        assertThat(agi.port()).isEqualTo(4573);
        assertThat(agi.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(agi.maxAnswer()).isEqualTo(Duration.ofSeconds(10));
        assertThat(agi.silence()).isEqualTo(Duration.ofSeconds(2));
        assertThat(agi.keypadTimeout()).isEqualTo(Duration.ofSeconds(8));
        assertThat(agi.keypadMaxDigits()).isEqualTo(4);
        LedgerConfig ledger = config.ledger();
        assertThat(ledger.file()).isEqualTo(Path.of("ledger.log"));
        assertThat(ledger.retention()).isEqualTo(Duration.ofHours(1));
        assertThat(ledger.undatedRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(ledger.compactAfterRecords()).isEqualTo(1_000_000);
    }

    @Test
    void shouldBankATwentiethOfASecondsCallsPerBurst() {
        assertThat(DialerConfig.defaults(List.of(SERVER), Path.of("l"), Path.of("r")).withCallsPerSecond(1500).burst())
                .isEqualTo(75);
    }

    @Test
    void shouldRefuseADialerWithoutServers() {
        assertThatThrownBy(() -> DialerConfig.defaults(List.of(), Path.of("l"), Path.of("r")))
                .hasMessageContaining("at least one Asterisk server");
    }
}
