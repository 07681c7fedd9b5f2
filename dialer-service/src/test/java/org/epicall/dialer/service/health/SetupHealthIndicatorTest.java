package org.epicall.dialer.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class SetupHealthIndicatorTest {

    @Test
    void shouldBeUpWithoutFaults() {
        assertThat(new SetupHealthIndicator(List::of).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void shouldBeDownNamingEachFault() {
        List<String> faults = List.of("prompt epicall/q/ko/intro is not installed on Asterisk a",
                "Asterisk a cannot write recordings into /r/c");

        Health health = new SetupHealthIndicator(() -> faults).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("faults", faults)
                .containsEntry("reason", String.join("; ", faults));
    }
}
