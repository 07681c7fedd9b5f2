package org.epicall.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the epicall topics that are missing; never alters existing ones. */
public final class TopicAdministration {

    private static final Logger log = LoggerFactory.getLogger(TopicAdministration.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private TopicAdministration() {
    }

    /**
     * Creates the missing topics among {@link Topics#ALL}.
     *
     * @return true if all exist now, false if the cluster could not be reached (logged, with what to do)
     */
    public static boolean ensureTopics(String bootstrapServers, int partitions, short replicationFactor) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = Topics.ALL.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, replicationFactor)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Created Kafka topics {} at {} ({} partitions, replication factor {})",
                        missing.stream().map(NewTopic::name).toList(), bootstrapServers, partitions, replicationFactor);
            }
            return true;
        } catch (TimeoutException | ExecutionException e) {
            log.warn("Kafka at {} did not answer ({}). epicall keeps running: results wait in the outbox and "
                    + "the topics {} are created once the broker answers. Start the broker, or correct "
                    + "epicall.kafka.bootstrap-servers (leave it empty for the embedded broker).",
                    bootstrapServers, e.getCause() == null ? e.toString() : e.getCause().getMessage(), Topics.ALL);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
