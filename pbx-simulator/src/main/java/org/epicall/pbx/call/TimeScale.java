package org.epicall.pbx.call;

import java.time.Duration;

/**
 * How much faster than real time simulated calls run: a factor of 50 turns a 10 s call into 200 ms.
 * All call timings in the simulator (ringing, prompts, recordings, Originate timeouts, the failed-login
 * delay) are expressed in simulated time and converted here to the wall-clock time actually waited.
 */
public record TimeScale(double factor) {

    public static final TimeScale REAL_TIME = new TimeScale(1.0);

    public TimeScale {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("time-scale factor must be a positive number, got " + factor);
        }
    }

    /** Wall-clock time to wait for {@code simulated} time to pass; never negative. */
    public Duration toWall(Duration simulated) {
        if (simulated.isNegative() || simulated.isZero()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (simulated.toNanos() / factor));
    }

    /** Simulated time that corresponds to {@code wall} clock time. */
    public Duration toSimulated(Duration wall) {
        return Duration.ofNanos((long) (wall.toNanos() * factor));
    }
}
