package org.epicall.dialer.pacing;

import java.util.function.LongSupplier;

/**
 * A token bucket in its virtual-scheduling form (GCRA): one token every {@code 1/ratePerSecond}
 * seconds, at most {@code capacity} of them banked after an idle spell. Keeping the theoretical
 * arrival time instead of a fractional token count avoids the drift of adding up tiny fractions.
 * Time comes from an injected nanosecond ticker so tests can move it. Not thread-safe: the
 * {@link PacingGate} that owns it serialises access.
 */
final class TokenBucket {

    private final double intervalNanos;
    private final double toleranceNanos;
    private final LongSupplier ticker;
    private final long origin;
    private double theoreticalArrival;

    TokenBucket(double ratePerSecond, double capacity, LongSupplier ticker) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("calls per second must be > 0, was " + ratePerSecond);
        }
        if (!(capacity >= 1)) {
            throw new IllegalArgumentException("burst capacity must be >= 1, was " + capacity);
        }
        this.intervalNanos = 1e9 / ratePerSecond;
        this.toleranceNanos = (capacity - 1) * intervalNanos;
        this.ticker = ticker;
        this.origin = ticker.getAsLong();
        this.theoreticalArrival = 0;
    }

    boolean hasToken() {
        return nanosUntilToken() == 0;
    }

    void take() {
        double now = now();
        if (now < theoreticalArrival - toleranceNanos) {
            throw new IllegalStateException("no token to take");
        }
        theoreticalArrival = Math.max(theoreticalArrival, now) + intervalNanos;
    }

    /** Nanoseconds until a whole token is available; 0 if one is available now. */
    long nanosUntilToken() {
        double wait = theoreticalArrival - toleranceNanos - now();
        return wait <= 0 ? 0 : (long) Math.ceil(wait);
    }

    private double now() {
        return ticker.getAsLong() - origin;
    }
}
