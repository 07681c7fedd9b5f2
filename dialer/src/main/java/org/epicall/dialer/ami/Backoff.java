package org.epicall.dialer.ami;

import java.time.Duration;

/**
 * Exponential reconnect backoff: {@code initial}, then each delay {@code multiplier} times the last,
 * never above {@code max}.
 */
public record Backoff(Duration initial, Duration max, double multiplier) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || multiplier < 1) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max and multiplier >= 1, was "
                    + initial + ", " + max + ", " + multiplier);
        }
    }

    /** 100 ms doubling up to 10 s. */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), 2);
    }

    /** The delay before reconnect attempt {@code failures + 1}, after {@code failures} failed ones. */
    public Duration delay(int failures) {
        double nanos = initial.toNanos() * Math.pow(multiplier, Math.max(0, failures));
        return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
    }
}
