package org.epicall.dialer.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void shouldDoubleFromTheInitialDelayUpToTheMaximum() {
        Backoff backoff = Backoff.standard();

        assertThat(IntStream.range(0, 9).mapToObj(backoff::delay).map(Duration::toMillis))
                .containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L, 6400L, 10_000L, 10_000L);
    }

    @Test
    void shouldNeverOverflowAfterManyFailures() {
        assertThat(Backoff.standard().delay(10_000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldRejectAMaximumBelowTheInitialDelay() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
