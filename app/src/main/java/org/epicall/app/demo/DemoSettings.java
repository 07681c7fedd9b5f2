package org.epicall.app.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.epicall.survey.call.CallOutcome;

/**
 * Everything that shapes one demo run; {@link DemoCommand} fills it from the command line.
 *
 * @param residents      simulated residents called
 * @param population     the behaviours of the residents
 * @param seed           seed of the generated population (same seed, same residents)
 * @param timeScale      how much faster than real time the simulated calls run
 * @param port           HTTP port of the dashboard and REST API
 * @param dataDirectory  where the database, Kafka data, recordings and log go
 * @param keep           keep what an earlier run left in {@code dataDirectory} instead of starting fresh
 * @param serve          keep everything running after the summary until Ctrl-C
 * @param callsPerSecond dialer originate rate
 * @param maxChannels    concurrent calls the dialer may have on the PBX
 * @param maxAttempts    attempts per resident
 * @param retryBusy      wait before calling a busy resident again (real time)
 * @param retryNoAnswer  wait before calling a resident who did not answer again (real time)
 * @param window         how long the calling window stays open from now
 * @param timeout        how long the demo waits for every resident to be accounted for
 */
public record DemoSettings(int residents, Population population, long seed, double timeScale, int port, Path dataDirectory, boolean keep,
                           boolean serve, double callsPerSecond, int maxChannels, int maxAttempts, Duration retryBusy,
                           Duration retryNoAnswer, Duration window, Duration timeout) {

    public DemoSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(population, "population");
        require(residents >= 1 && residents <= 100_000, "--residents must be 1..100000, was " + residents);
        require(timeScale >= 1 && timeScale <= 1000, "--time-scale must be 1..1000, was " + timeScale);
        require(port >= 0 && port <= 65_535, "--port must be 0..65535, was " + port);
        require(callsPerSecond > 0, "--calls-per-second must be positive, was " + callsPerSecond);
        require(maxChannels >= 1, "--max-channels must be >= 1, was " + maxChannels);
        require(maxAttempts >= 1 && maxAttempts <= 10, "--max-attempts must be 1..10, was " + maxAttempts);
        require(!retryBusy.isNegative() && !retryNoAnswer.isNegative(), "retry delays must not be negative");
        require(window.toMinutes() >= 5, "--window must be at least 5m, was " + window);
        require(timeout.toSeconds() >= 10, "--timeout must be at least 10s, was " + timeout);
    }

    /** Who the residents are. */
    public enum Population {
        /** Answering, busy, no answer, rejecting, hanging up early, silent, keypad only, and some symptomatic. */
        MIXED,
        /** Everyone answers by voice: what a throughput benchmark wants. */
        ANSWERING,
        /**
         * Residents who answer on the keypad, hang up during a question, are busy or do not answer: calls that
         * cost no speech recognition, for a demo on a slow machine and for crash and restart runs.
         */
        KEYPAD
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * The campaign's retry delays: busy and no answer as given; congestion and a lost PBX like busy
     * (a network that was busy). Rejected calls are not retried (the resident said no).
     */
    public Map<CallOutcome, Duration> retryDelays() {
        Map<CallOutcome, Duration> delays = new EnumMap<>(CallOutcome.class);
        delays.put(CallOutcome.BUSY, retryBusy);
        delays.put(CallOutcome.NO_ANSWER, retryNoAnswer);
        delays.put(CallOutcome.CONGESTION, retryBusy);
        delays.put(CallOutcome.FAILED, retryBusy);
        delays.put(CallOutcome.UNREACHABLE_SERVER, retryBusy);
        return delays;
    }
}
