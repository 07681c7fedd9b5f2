package org.epicall.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.epicall.dialer.pacing.PacingConfig.ServerSlot;
import org.epicall.dialer.pacing.PacingGate.Lease;
import org.junit.jupiter.api.Test;

class PacingGateTest {

    private static final long MILLI = 1_000_000L;
    private final AtomicLong now = new AtomicLong(0);

    private PacingGate gate(double cps, double burst, List<ServerSlot> servers, Map<String, Integer> trunks) {
        PacingGate gate = new PacingGate(new PacingConfig(cps, burst, servers, trunks), now::get);
        servers.forEach(s -> gate.setUp(s.name(), true));
        return gate;
    }

    private List<Lease> drain(PacingGate gate) {
        List<Lease> leases = new ArrayList<>();
        for (Optional<Lease> l = gate.tryAcquire(); l.isPresent(); l = gate.tryAcquire()) {
            leases.add(l.get());
        }
        return leases;
    }

    @Test
    void shouldLetExactlyTheConfiguredRateThroughOverOneSecond() {
        PacingGate gate = gate(100, 1, List.of(new ServerSlot("a", 10_000, "t")), Map.of());
        int granted = 0;
        for (int ms = 0; ms < 1000; ms++) {
            granted += drain(gate).size();
            now.addAndGet(MILLI);
        }
        // the bucket starts with one token, then earns one every 10 ms
        assertThat(granted).isEqualTo(100);
    }

    @Test
    void shouldAllowNoMoreThanTheBurstAfterAnIdleSpell() {
        PacingGate gate = gate(1000, 5, List.of(new ServerSlot("a", 10_000, "t")), Map.of());
        now.addAndGet(60_000 * MILLI);
        assertThat(drain(gate)).hasSize(5);
    }

    @Test
    void shouldTellHowLongUntilTheNextToken() {
        PacingGate gate = gate(100, 1, List.of(new ServerSlot("a", 10, "t")), Map.of());
        assertThat(gate.nanosUntilToken()).isZero();
        gate.tryAcquire();
        assertThat(gate.nanosUntilToken()).isEqualTo(10 * MILLI);
        now.addAndGet(4 * MILLI);
        assertThat(gate.nanosUntilToken()).isEqualTo(6 * MILLI);
    }

    @Test
    void shouldNeverExceedAServersChannelCap() {
        PacingGate gate = gate(1000, 1000, List.of(new ServerSlot("a", 3, "t")), Map.of());
        now.addAndGet(1000 * MILLI);
        List<Lease> leases = drain(gate);
        assertThat(leases).hasSize(3);
        gate.release(leases.getFirst());
        assertThat(drain(gate)).hasSize(1);
    }

    @Test
    void shouldNotSpendATokenWhenNoServerHasRoom() {
        PacingGate gate = gate(100, 1, List.of(new ServerSlot("a", 1, "t")), Map.of());
        Lease held = gate.tryAcquire().orElseThrow();
        now.addAndGet(10 * MILLI);
        assertThat(gate.tryAcquire()).isEmpty();
        gate.release(held);
        assertThat(gate.tryAcquire()).isPresent();
    }

    @Test
    void shouldCapATrunkSharedByTwoServers() {
        PacingGate gate = gate(1000, 1000,
                List.of(new ServerSlot("a", 10, "carrier"), new ServerSlot("b", 10, "carrier")),
                Map.of("carrier", 4));
        now.addAndGet(1000 * MILLI);
        assertThat(drain(gate)).hasSize(4);
    }

    @Test
    void shouldSpreadCallsToTheLeastLoadedServerRelativeToItsCap() {
        PacingGate gate = gate(1000, 1000,
                List.of(new ServerSlot("small", 10, "t"), new ServerSlot("big", 30, "t")), Map.of());
        now.addAndGet(1000 * MILLI);
        List<Lease> leases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            leases.add(gate.tryAcquire().orElseThrow());
        }
        assertThat(leases.stream().filter(l -> l.server().equals("small")).count()).isEqualTo(5);
        assertThat(leases.stream().filter(l -> l.server().equals("big")).count()).isEqualTo(15);
    }

    @Test
    void shouldRouteNoCallsToAServerMarkedDown() {
        PacingGate gate = gate(1000, 1000,
                List.of(new ServerSlot("a", 10, "t"), new ServerSlot("b", 10, "t")), Map.of());
        gate.setUp("a", false);
        now.addAndGet(1000 * MILLI);
        assertThat(drain(gate)).extracting(Lease::server).containsOnly("b").hasSize(10);
        assertThat(gate.hasCapacity()).isFalse();
    }

    @Test
    void shouldRefuseALeaseReleasedTwice() {
        PacingGate gate = gate(100, 1, List.of(new ServerSlot("a", 5, "t")), Map.of());
        Lease lease = gate.tryAcquire().orElseThrow();
        gate.release(lease);
        assertThatThrownBy(() -> gate.release(lease)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRejectAConfigurationWithoutServers() {
        assertThatThrownBy(() -> new PacingConfig(10, 1, List.of(), Map.of()))
                .hasMessageContaining("at least one Asterisk server");
    }
}
