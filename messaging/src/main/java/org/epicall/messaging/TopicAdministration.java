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
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.epicall.messaging.internal.KafkaFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the epicall topics that are missing. Only {@link Topics#DIAL_REQUESTS} carries phone numbers,
 * so it keeps its records for {@link #DIAL_REQUEST_RETENTION} only (a request is void after its deadline
 * anyway; the campaign database is the record), and {@link Topics#QUESTIONNAIRES} is compacted, where the
 * other topics keep the cluster's default; an existing dial-requests topic is brought down to that
 * retention, nothing else is altered.
 */
public final class TopicAdministration {

    private static final Logger log = LoggerFactory.getLogger(TopicAdministration.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** How long dial requests, and the phone numbers in them, stay on the broker. */
    public static final Duration DIAL_REQUEST_RETENTION = Duration.ofHours(6);

    private TopicAdministration() {
    }

    private static Map<String, String> configOf(String topic) {
        return switch (topic) {
            case Topics.DIAL_REQUESTS -> Map.of(TopicConfig.RETENTION_MS_CONFIG,
                    Long.toString(DIAL_REQUEST_RETENTION.toMillis()));
            // a questionnaire version must outlive every campaign that runs it: kept by key, never by age
            case Topics.QUESTIONNAIRES -> Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            default -> Map.of();
        };
    }

    private static void limitDialRequestRetention(Admin admin, KafkaConnection connection) throws InterruptedException {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DIAL_REQUESTS);
        AlterConfigOp retention = new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(DIAL_REQUEST_RETENTION.toMillis())), AlterConfigOp.OpType.SET);
        try {
            admin.incrementalAlterConfigs(Map.of(topic, List.of(retention))).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("Could not limit the retention of {} at {} to {} ({}): phone numbers stay on the broker as long"
                    + " as its retention says. Grant this client AlterConfigs on the topic, or set retention.ms={}"
                    + " on it yourself.", Topics.DIAL_REQUESTS, connection, DIAL_REQUEST_RETENTION,
                    e.getCause() == null ? e.toString() : e.getCause().getMessage(), DIAL_REQUEST_RETENTION.toMillis());
        }
    }

    private static boolean unreachable(KafkaConnection connection, String why) {
        log.warn("Kafka at {} did not answer ({}). epicall keeps running: results wait in the outbox and "
                + "the topics {} are created once the broker answers. Start the broker, or correct "
                + "epicall.kafka.bootstrap-servers (leave it empty for the embedded broker).", connection, why, Topics.ALL);
        return false;
    }

    /**
     * Creates the missing topics among {@link Topics#ALL}.
     *
     * @return true if all exist now, false if the cluster could not be reached (logged, with what to do)
     * @throws IllegalStateException if no client can be made with the connection's security settings
     */
    public static boolean ensureTopics(KafkaConnection connection, int partitions, short replicationFactor) {
        Map<String, Object> props = connection.clientProperties();
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        Admin created;
        try {
            created = Admin.create(props);
        } catch (KafkaException e) {
            throw KafkaFailures.clientNotBuilt(e, connection);
        }
        try (Admin admin = created) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = Topics.ALL.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, replicationFactor).configs(configOf(t))).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Created Kafka topics {} at {} ({} partitions, replication factor {})",
                        missing.stream().map(NewTopic::name).toList(), connection, partitions, replicationFactor);
            }
            if (existing.contains(Topics.DIAL_REQUESTS)) {
                limitDialRequestRetention(admin, connection);
            }
            return true;
        } catch (ExecutionException e) {
            if (KafkaFailures.refused(e)) {
                log.warn("Could not make sure the topics {} exist: {}. epicall keeps running and tries again; an"
                        + " administrator may create them instead (README: Running it safely in production).",
                        Topics.ALL, KafkaFailures.describe(e, connection));
                return false;
            }
            return unreachable(connection, e.getCause() == null ? e.toString() : e.getCause().getMessage());
        } catch (TimeoutException e) {
            return unreachable(connection, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
