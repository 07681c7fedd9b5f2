package org.epicall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Phone numbers travel only on the dial-requests topic, and do not stay there for a week. */
class TopicRetentionTest {

    private EmbeddedKafkaBroker broker;
    private Admin admin;

    @BeforeEach
    void broker() {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaSettings.ephemeral());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    @AfterEach
    void close() {
        admin.close();
        broker.close();
    }

    @Test
    void dialRequestsAreKeptForHoursWhereResultsKeepTheClustersDefault() throws Exception {
        assertThat(TopicAdministration.ensureTopics(KafkaConnection.plaintext(broker.bootstrapServers()), 1, (short) 1)).isTrue();

        assertThat(retentionMs(Topics.DIAL_REQUESTS)).isEqualTo(TopicAdministration.DIAL_REQUEST_RETENTION.toMillis());
        assertThat(retentionMs(Topics.SURVEY_RESULTS)).isEqualTo(7L * 24 * 3600 * 1000);
    }

    @Test
    void anExistingDialRequestsTopicIsBroughtDownToTheShortRetention() throws Exception {
        admin.createTopics(List.of(new NewTopic(Topics.DIAL_REQUESTS, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        assertThat(retentionMs(Topics.DIAL_REQUESTS)).isEqualTo(7L * 24 * 3600 * 1000);

        assertThat(TopicAdministration.ensureTopics(KafkaConnection.plaintext(broker.bootstrapServers()), 1, (short) 1)).isTrue();

        // The broker applies an altered config through its metadata log: it shows a moment later.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(retentionMs(Topics.DIAL_REQUESTS))
                .isEqualTo(TopicAdministration.DIAL_REQUEST_RETENTION.toMillis()));
    }

    private long retentionMs(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        ConfigEntry entry = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                .get(TopicConfig.RETENTION_MS_CONFIG);
        return Long.parseLong(entry.value());
    }
}
