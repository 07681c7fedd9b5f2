package org.epicall.dialer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.epicall.dialer.agi.AgiConfig;
import org.epicall.dialer.ami.AmiServerConfig;
import org.epicall.dialer.ami.Backoff;
import org.epicall.dialer.ledger.LedgerConfig;
import org.epicall.dialer.pacing.PacingConfig;

/**
 * Everything a dialer node needs. Use {@link #defaults} and the {@code with…} methods.
 *
 * @param servers          the Asterisk servers this node dials through (at least one)
 * @param callsPerSecond   global originate rate of this node
 * @param burst            originates allowed back to back after an idle spell
 * @param trunkCaps        max concurrent channels per trunk name
 * @param ringTimeout      how long a call may ring (Originate Timeout)
 * @param responseGrace    how long after the ring timeout the PBX may take to report back before the
 *                         attempt ends as UNREACHABLE_SERVER
 * @param surveyStartGrace how long an answered call may wait for its AGI session
 * @param causeGrace       how long a failed originate whose OriginateResponse gave no reason (Reason 0)
 *                         may wait for the hangup event that carries its cause, which Asterisk may send
 *                         after the response (ami-21); the call is classified with what came by then
 * @param refusalBackoff   how long a server that refused a call for its own limits (maxcalls, maxload)
 *                         gets no new calls, growing while it keeps refusing; its refused attempts are
 *                         dialed again elsewhere or later
 * @param reconnect        AMI reconnect backoff
 * @param ledger           the dial ledger: its journal, retention and compaction
 * @param maxQueued        requests waiting for pacing beyond which submissions are rejected
 * @param agi              the FastAGI survey server
 */
public record DialerConfig(List<AmiServerConfig> servers, double callsPerSecond, double burst,
        Map<String, Integer> trunkCaps, Duration ringTimeout, Duration responseGrace,
        Duration surveyStartGrace, Duration causeGrace, Backoff refusalBackoff, Backoff reconnect,
        LedgerConfig ledger, int maxQueued, AgiConfig agi) {

    public DialerConfig {
        servers = List.copyOf(servers);
        trunkCaps = Map.copyOf(trunkCaps);
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(agi, "agi");
        Objects.requireNonNull(refusalBackoff, "refusalBackoff");
        if (causeGrace.isNegative() || causeGrace.isZero()) {
            throw new IllegalArgumentException("causeGrace must be positive, was " + causeGrace);
        }
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("a dialer needs at least one Asterisk server");
        }
        if (maxQueued < 1) {
            throw new IllegalArgumentException("maxQueued must be >= 1, was " + maxQueued);
        }
    }

    /**
     * 10 calls/s, 30 s ring time, 3 s to wait for a failed call's cause, 1 s doubling to 60 s of back-off
     * for a server that refuses calls, standard reconnect backoff, the default AGI server on port 4573,
     * the ledger's default retention ({@link LedgerConfig#defaults}).
     */
    public static DialerConfig defaults(List<AmiServerConfig> servers, Path ledgerFile, Path recordingsDir) {
        return new DialerConfig(servers, 10, PacingConfig.defaultBurst(10), Map.of(), Duration.ofSeconds(30),
                Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(3),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2), Backoff.standard(),
                LedgerConfig.defaults(ledgerFile),
                100_000, AgiConfig.defaults(recordingsDir));
    }

    public DialerConfig withServers(List<AmiServerConfig> list) {
        return new DialerConfig(list, callsPerSecond, burst, trunkCaps, ringTimeout, responseGrace,
                surveyStartGrace, causeGrace, refusalBackoff, reconnect, ledger, maxQueued, agi);
    }

    public DialerConfig withCallsPerSecond(double cps) {
        return new DialerConfig(servers, cps, PacingConfig.defaultBurst(cps), trunkCaps, ringTimeout, responseGrace,
                surveyStartGrace, causeGrace, refusalBackoff, reconnect, ledger, maxQueued, agi);
    }

    public DialerConfig withTimeouts(Duration ring, Duration response, Duration surveyStart) {
        return new DialerConfig(servers, callsPerSecond, burst, trunkCaps, ring, response, surveyStart, causeGrace,
                refusalBackoff, reconnect, ledger, maxQueued, agi);
    }

    /** How long to wait for a failed call's cause, and how to back off a server that refuses calls. */
    public DialerConfig withRefusals(Duration grace, Backoff backoff) {
        return new DialerConfig(servers, callsPerSecond, burst, trunkCaps, ringTimeout, responseGrace,
                surveyStartGrace, grace, backoff, reconnect, ledger, maxQueued, agi);
    }

    public DialerConfig withReconnect(Backoff backoff) {
        return new DialerConfig(servers, callsPerSecond, burst, trunkCaps, ringTimeout, responseGrace,
                surveyStartGrace, causeGrace, refusalBackoff, backoff, ledger, maxQueued, agi);
    }

    public DialerConfig withTrunkCaps(Map<String, Integer> caps) {
        return new DialerConfig(servers, callsPerSecond, burst, caps, ringTimeout, responseGrace,
                surveyStartGrace, causeGrace, refusalBackoff, reconnect, ledger, maxQueued, agi);
    }

    public DialerConfig withMaxQueued(int max) {
        return new DialerConfig(servers, callsPerSecond, burst, trunkCaps, ringTimeout, responseGrace,
                surveyStartGrace, causeGrace, refusalBackoff, reconnect, ledger, max, agi);
    }

    public DialerConfig withAgi(AgiConfig agiConfig) {
        return new DialerConfig(servers, callsPerSecond, burst, trunkCaps, ringTimeout, responseGrace,
                surveyStartGrace, causeGrace, refusalBackoff, reconnect, ledger, maxQueued, agiConfig);
    }

    public DialerConfig withLedger(LedgerConfig ledgerConfig) {
        return new DialerConfig(servers, callsPerSecond, burst, trunkCaps, ringTimeout, responseGrace,
                surveyStartGrace, causeGrace, refusalBackoff, reconnect, ledgerConfig, maxQueued, agi);
    }

    /** The dial ledger's journal. */
    public Path ledgerFile() {
        return ledger.file();
    }

    PacingConfig pacing() {
        return new PacingConfig(callsPerSecond, burst,
                servers.stream().map(s -> new PacingConfig.ServerSlot(s.name(), s.maxChannels(), s.trunk())).toList(),
                trunkCaps);
    }
}
