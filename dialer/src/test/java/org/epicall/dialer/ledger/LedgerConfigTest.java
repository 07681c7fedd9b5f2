package org.epicall.dialer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LedgerConfigTest {

    @ParameterizedTest(name = "retention {0}, undated {1}")
    @CsvSource({"PT0S, P7D, retention", "-PT1H, P7D, retention", "PT1H, PT0S, undatedRetention"})
    void shouldRefuseARetentionThatIsNotPositive(Duration retention, Duration undated, String named) {
        LedgerConfig defaults = LedgerConfig.defaults(Path.of("ledger.log"));

        assertThatThrownBy(() -> defaults.withRetention(retention, undated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(named + " must be positive");
    }

    @Test
    void shouldRefuseACompactionThresholdBelowOneRecord() {
        assertThatThrownBy(() -> LedgerConfig.defaults(Path.of("ledger.log")).withCompactAfterRecords(0))
                .hasMessageContaining("compactAfterRecords must be >= 1");
    }

    @Test
    void shouldWriteTheCompactedJournalBesideTheJournal() {
        assertThat(LedgerConfig.defaults(Path.of("/var/lib/epicall/dial-ledger.log")).compactingFile())
                .isEqualTo(Path.of("/var/lib/epicall/dial-ledger.log.compacting"));
    }
}
