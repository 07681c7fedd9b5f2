package org.epicall.dialer.service.health;

import org.epicall.dialer.service.DialerService;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Liveness: DOWN once the consumer of dial requests has died (a fatal Kafka error, logged), which only
 * a restart mends; an outage of Kafka or Asterisk is a matter of readiness, not of liveness.
 */
@Component("dialRequests")
public class ConsumerHealthIndicator implements HealthIndicator {

    private final DialerService service;

    public ConsumerHealthIndicator(DialerService service) {
        this.service = service;
    }

    @Override
    public Health health() {
        return service.consuming() ? Health.up().build()
                : Health.down().withDetail("reason", "the consumer of dial requests has stopped (see the log)").build();
    }
}
