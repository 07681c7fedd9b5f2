package org.epicall.dialer.pacing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Decides when the next call may go out and on which Asterisk server: a global calls-per-second
 * token bucket, a cap on concurrent channels per server and per trunk, and least-loaded selection
 * among the servers that are up and not backing off (after refusing calls for their own limits).
 *
 * <p>Every {@link Lease} handed out holds one channel on its server and trunk until
 * {@link #release} is called with it exactly once. Thread-safe.
 */
public final class PacingGate {

    private final TokenBucket bucket;
    private final LongSupplier ticker;
    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final Map<String, Integer> trunkCaps;
    private final Map<String, Integer> trunkActive = new HashMap<>();

    /**
     * @param ticker monotonic nanoseconds, e.g. {@code System::nanoTime}
     */
    public PacingGate(PacingConfig config, LongSupplier ticker) {
        this.bucket = new TokenBucket(config.callsPerSecond(), config.burst(), ticker);
        this.ticker = ticker;
        this.trunkCaps = config.trunkCaps();
        for (PacingConfig.ServerSlot slot : config.servers()) {
            servers.put(slot.name(), new Server(slot));
        }
    }

    /**
     * Takes a token and a channel on the least-loaded server that is up and has room on itself and
     * its trunk. Returns empty, taking nothing, when no token is due or no server has room.
     */
    public synchronized Optional<Lease> tryAcquire() {
        if (!bucket.hasToken()) {
            return Optional.empty();
        }
        Optional<Server> chosen = servers.values().stream()
                .filter(this::hasRoom)
                .min(Comparator.comparingDouble(Server::load).thenComparingInt(s -> s.active));
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Server server = chosen.get();
        bucket.take();
        server.active++;
        trunkActive.merge(server.slot.trunk(), 1, Integer::sum);
        return Optional.of(new Lease(server.slot.name(), server.slot.trunk()));
    }

    /** Frees the channel a lease holds. Call once per lease. */
    public synchronized void release(Lease lease) {
        Server server = servers.get(lease.server());
        if (server == null || server.active == 0) {
            throw new IllegalStateException("lease released twice or never acquired: " + lease);
        }
        server.active--;
        trunkActive.merge(lease.trunk(), -1, Integer::sum);
    }

    /** Marks a server up (reachable, logged in) or down; a down server gets no new calls. */
    public synchronized void setUp(String server, boolean up) {
        Server s = servers.get(server);
        if (s == null) {
            throw new IllegalArgumentException("unknown server " + server);
        }
        s.up = up;
    }

    /**
     * Gives a server no new calls for {@code nanos}: it refused calls for its own limits (maxcalls,
     * maxload). A later back-off replaces an earlier one.
     */
    public synchronized void backOff(String server, long nanos) {
        Server s = servers.get(server);
        if (s == null) {
            throw new IllegalArgumentException("unknown server " + server);
        }
        s.backingOffUntil = ticker.getAsLong() + nanos;
        s.backingOff = true;
    }

    /**
     * Nanoseconds the caller should wait before {@link #tryAcquire} can succeed on rate grounds;
     * 0 when a token is due now (capacity may still be short).
     */
    public synchronized long nanosUntilToken() {
        return bucket.nanosUntilToken();
    }

    /** True when at least one server is up and has room for another call. */
    public synchronized boolean hasCapacity() {
        return servers.values().stream().anyMatch(this::hasRoom);
    }

    /** Calls currently holding a channel, per server, in configuration order. */
    public synchronized List<ServerLoad> loads() {
        List<ServerLoad> result = new ArrayList<>();
        for (Server s : servers.values()) {
            result.add(new ServerLoad(s.slot.name(), s.up, s.active, s.slot.maxChannels(), backingOff(s)));
        }
        return result;
    }

    private boolean hasRoom(Server s) {
        if (!s.up || s.active >= s.slot.maxChannels() || backingOff(s)) {
            return false;
        }
        Integer cap = trunkCaps.get(s.slot.trunk());
        return cap == null || trunkActive.getOrDefault(s.slot.trunk(), 0) < cap;
    }

    private boolean backingOff(Server s) {
        if (s.backingOff && ticker.getAsLong() - s.backingOffUntil >= 0) {
            s.backingOff = false;
        }
        return s.backingOff;
    }

    /** One channel held on {@code server} over {@code trunk}. */
    public record Lease(String server, String trunk) {
    }

    /**
     * A server's current load.
     *
     * @param backingOff true while it gets no new calls after refusing some for its own limits
     */
    public record ServerLoad(String server, boolean up, int active, int maxChannels, boolean backingOff) {
    }

    private static final class Server {
        final PacingConfig.ServerSlot slot;
        boolean up;
        int active;
        boolean backingOff;
        long backingOffUntil;

        Server(PacingConfig.ServerSlot slot) {
            this.slot = slot;
        }

        double load() {
            return (double) active / slot.maxChannels();
        }
    }
}
