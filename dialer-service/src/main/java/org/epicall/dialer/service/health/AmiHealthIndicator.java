package org.epicall.dialer.service.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.epicall.dialer.ami.LinkStatus;
import org.epicall.dialer.service.DialerService;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness: UP while at least one Asterisk server's AMI session is logged in; each server's state in the details. */
@Component("ami")
public class AmiHealthIndicator implements HealthIndicator {

    private final DialerService service;

    public AmiHealthIndicator(DialerService service) {
        this.service = service;
    }

    @Override
    public Health health() {
        List<LinkStatus> statuses = service.node().serverStatuses();
        Map<String, Object> servers = new LinkedHashMap<>();
        for (LinkStatus s : statuses) {
            servers.put(s.server(), s.up() ? "up" : s.problem() == null ? "connecting" : s.problem());
        }
        Health.Builder health = statuses.stream().anyMatch(LinkStatus::up) ? Health.up() : Health.down()
                .withDetail("reason", "no Asterisk server is up: " + statuses.stream()
                        .map(s -> s.server() + " " + (s.problem() == null ? "connecting" : s.problem()))
                        .collect(Collectors.joining("; ")));
        return health.withDetail("servers", servers).build();
    }
}
