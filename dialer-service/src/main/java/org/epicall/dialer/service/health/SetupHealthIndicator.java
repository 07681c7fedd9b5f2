package org.epicall.dialer.service.health;

import java.util.List;
import java.util.function.Supplier;

import org.epicall.dialer.service.DialerService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness: DOWN while the survey calls find the setup at fault, one line per fault naming what to fix
 * ({@code DialerNode.setupFaults()}): a campaign prompt not installed on an Asterisk server (STREAM FILE
 * answered {@code 200 result=-1 endpos=0}: residents would hear silence), or a recordings directory
 * Asterisk cannot write (RECORD FILE answered {@code (writefile)}: answers are taken on the keypad only).
 * Neither is a resident's doing, and neither goes away without an operator. The node goes on taking
 * requests: a missing prompt holds back only the calls of that questionnaire and language.
 */
@Component("setup")
public class SetupHealthIndicator implements HealthIndicator {

    private final Supplier<List<String>> faults;

    @Autowired
    public SetupHealthIndicator(DialerService service) {
        this(() -> service.node().setupFaults());
    }

    SetupHealthIndicator(Supplier<List<String>> faults) {
        this.faults = faults;
    }

    @Override
    public Health health() {
        List<String> now = faults.get();
        if (now.isEmpty()) {
            return Health.up().build();
        }
        return Health.down().withDetail("reason", String.join("; ", now)).withDetail("faults", now).build();
    }
}
