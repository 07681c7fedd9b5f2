package org.epicall.dialer.pacing;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Limits the {@link PacingGate} enforces.
 *
 * @param callsPerSecond global originate rate of this dialer node, &gt; 0
 * @param burst          how many originates may go out back to back after an idle spell, &gt;= 1
 * @param servers        the Asterisk servers, each with its channel cap and the trunk it dials on
 * @param trunkCaps      maximum concurrent channels per trunk name; a trunk not listed is uncapped
 */
public record PacingConfig(double callsPerSecond, double burst, List<ServerSlot> servers,
        Map<String, Integer> trunkCaps) {

    public PacingConfig {
        Objects.requireNonNull(servers, "servers");
        servers = List.copyOf(servers);
        trunkCaps = Map.copyOf(trunkCaps);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one Asterisk server is needed");
        }
        if (servers.stream().map(ServerSlot::name).distinct().count() != servers.size()) {
            throw new IllegalArgumentException("server names must be unique: " + servers);
        }
        trunkCaps.forEach((trunk, cap) -> {
            if (cap < 1) {
                throw new IllegalArgumentException("trunk " + trunk + ": max channels must be >= 1, was " + cap);
            }
        });
    }

    /**
     * The default burst: a twentieth of a second's worth of calls, at least one. The pacer marks each
     * batch in the ledger with one fsync (about 5 ms here) before sending it, so the bucket must bank
     * at least that long's calls or the fsync wait would cap the rate.
     */
    public static double defaultBurst(double callsPerSecond) {
        return Math.max(1, callsPerSecond / 20);
    }

    /**
     * One Asterisk server as pacing sees it.
     *
     * @param name        unique server name
     * @param maxChannels concurrent calls this server may carry, &gt;= 1
     * @param trunk       the trunk its calls go out on
     */
    public record ServerSlot(String name, int maxChannels, String trunk) {
        public ServerSlot {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(trunk, "trunk");
            if (maxChannels < 1) {
                throw new IllegalArgumentException("server " + name + ": max channels must be >= 1, was " + maxChannels);
            }
        }
    }
}
