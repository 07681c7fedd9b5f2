package org.epicall.dialer.service.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.epicall.dialer.service.DialerService;
import org.epicall.dialer.service.config.DialerProperties;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.internal.KafkaFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness: UP while the Kafka cluster answers and the consumer of dial requests runs. The cluster
 * is asked in the background every few seconds, so a health request never waits on a dead broker; a
 * change either way is logged once.
 */
@Component("kafka")
public class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaHealthIndicator.class);
    private static final Duration EVERY = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(4);

    private final DialerService service;
    private final KafkaConnection connection;
    private final Admin admin;
    private final ScheduledExecutorService prober;
    private volatile String problem = "not asked yet";

    public KafkaHealthIndicator(DialerService service, DialerProperties properties) {
        this.service = service;
        this.connection = properties.kafka().connection();
        Map<String, Object> props = connection.clientProperties();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "epicall-dialer-health");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(props);
        this.prober = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("kafka-health").daemon().factory());
        prober.scheduleWithFixedDelay(this::probe, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probe() {
        String now;
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .clusterId().get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
            now = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            now = KafkaFailures.refused(cause) ? KafkaFailures.describe(cause, connection)
                    : "Kafka at " + connection + " does not answer (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + "); start the brokers or correct "
                    + "epicall.dialer.kafka.bootstrap-servers";
        }
        String before = problem;
        problem = now;
        if (now != null && (before == null || "not asked yet".equals(before))) {
            log.warn("{}. Results wait in the outbox meanwhile; no dial requests come in.", now);
        } else if (now == null && before != null && !"not asked yet".equals(before)) {
            log.info("Kafka at {} answers again", connection);
        }
    }

    @Override
    public Health health() {
        String current = problem;
        Health.Builder health;
        if (current != null) {
            health = Health.down().withDetail("reason", current);
        } else if (!service.consuming()) {
            health = Health.down().withDetail("reason", "the consumer of dial requests has stopped (see the log); "
                    + "restart the dialer");
        } else {
            health = Health.up();
        }
        return health.withDetail("bootstrapServers", connection.bootstrapServers())
                .withDetail("takingDialRequests", service.taking())
                .withDetail("resultsWaitingInOutbox", service.pendingResults())
                .build();
    }

    @Override
    public void destroy() {
        prober.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
