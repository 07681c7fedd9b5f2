package org.epicall.campaign.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.messaging.DialRequestPublisher;
import org.epicall.messaging.KafkaEndpoint;
import org.epicall.messaging.KafkaSecurity;
import org.epicall.messaging.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KafkaMessagingConfigurationTest {

    @TempDir
    Path data;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(KafkaMessagingConfiguration.class);

    @Test
    void shouldDefaultToSixPartitionsAndAnEmbeddedBrokerOnlyWhenAskedFor() {
        KafkaMessagingProperties defaults = new Binder(new MapConfigurationPropertySource(
                Map.of("epicall.kafka.bootstrap-servers", "kafka-1:9092")))
                .bindOrCreate("epicall.kafka", KafkaMessagingProperties.class);

        assertThat(defaults).isEqualTo(new KafkaMessagingProperties(true, "kafka-1:9092", false, Path.of("data/kafka"),
                0, 6, (short) 1, KafkaSecurity.PLAINTEXT));
    }

    @Test
    void shouldBuildEveryKafkaClientOfTheServiceWithTheConfiguredSecurity() {
        String nobody = "localhost:" + org.epicall.kafka.embedded.internal.FreePorts.pick();
        runner.withPropertyValues("epicall.kafka.bootstrap-servers=" + nobody,
                        "epicall.kafka.security.protocol=SASL_PLAINTEXT", "epicall.kafka.security.username=campaign",
                        "epicall.kafka.security.password=s3cret \"quoted\"")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Map<String, Object> client = context.getBean(KafkaEndpoint.class).connection().clientProperties();
                    assertThat(client).containsEntry("bootstrap.servers", nobody)
                            .containsEntry("security.protocol", "SASL_PLAINTEXT")
                            .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                            .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule"
                                    + " required username=\"campaign\" password=\"s3cret \\\"quoted\\\"\";");
                    assertThat(context.getBean(KafkaMessagingProperties.class).toString()).doesNotContain("s3cret");
                });
    }

    @Test
    void shouldRefuseSaslWithoutAPasswordNamingTheSettings() {
        runner.withPropertyValues("epicall.kafka.bootstrap-servers=kafka:9093",
                        "epicall.kafka.security.protocol=SASL_PLAINTEXT", "epicall.kafka.security.username=campaign")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("epicall.kafka.security")
                            .rootCause().hasMessageContaining("needs username and password").hasMessageContaining("set password");
                });
    }

    @Test
    void shouldRefuseSecuritySettingsForTheEmbeddedBroker() {
        runner.withPropertyValues("epicall.kafka.embedded=true", "epicall.kafka.data-dir=" + data.resolve("kafka"),
                        "epicall.kafka.security.protocol=SASL_PLAINTEXT", "epicall.kafka.security.username=campaign",
                        "epicall.kafka.security.password=s3cret")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("epicall.kafka.security.protocol=SASL_PLAINTEXT contradict");
                });
        assertThat(EmbeddedKafkaBroker.runningAt(data.resolve("kafka"))).isEmpty();
    }

    @Test
    void shouldRefuseToStartWithoutBootstrapServersRatherThanRunABrokerOfItsOwn() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("epicall.kafka.bootstrap-servers is empty")
                    .hasMessageContaining("epicall.kafka.embedded=true");
        });
        assertThat(EmbeddedKafkaBroker.runningAt(data.resolve("kafka"))).isEmpty();
    }

    @Test
    void shouldStartTheEmbeddedBrokerAndCreateTheTopicsWhenAskedToEmbedOne() {
        runner.withPropertyValues("epicall.kafka.embedded=true", "epicall.kafka.data-dir=" + data.resolve("kafka"),
                        "epicall.kafka.topic-partitions=2")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(EmbeddedKafkaBroker.class);
                    KafkaEndpoint endpoint = context.getBean(KafkaEndpoint.class);
                    assertThat(EmbeddedKafkaBroker.runningAt(data.resolve("kafka")))
                            .contains(endpoint.connection().bootstrapServers());
                    try (Admin admin = Admin.create(endpoint.connection().clientProperties())) {
                        var topics = admin.describeTopics(Topics.ALL).allTopicNames().get();
                        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
                        assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(2));
                    }
                });
        assertThat(EmbeddedKafkaBroker.runningAt(data.resolve("kafka"))).isEmpty();
    }

    @Test
    void shouldStartWithoutAnEmbeddedBrokerWhenTheConfiguredClusterIsDown() {
        String nobody = "localhost:" + org.epicall.kafka.embedded.internal.FreePorts.pick();
        runner.withPropertyValues("epicall.kafka.bootstrap-servers=" + nobody)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedKafkaBroker.class);
                    assertThat(context.getBean(KafkaEndpoint.class).connection().bootstrapServers()).isEqualTo(nobody);
                    assertThat(context.getBean(DialRequestPublisher.class)).isNotNull();
                });
    }

    @Test
    void shouldRefuseToStartWithZeroPartitionsNamingTheSetting() {
        runner.withPropertyValues("epicall.kafka.topic-partitions=0", "epicall.kafka.embedded=true",
                        "epicall.kafka.data-dir=" + data.resolve("kafka"))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("topicPartitions"));
    }

    @Test
    void shouldLeaveKafkaOutWhenDisabled() {
        runner.withPropertyValues("epicall.kafka.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(KafkaEndpoint.class)
                        .doesNotHaveBean(EmbeddedKafkaBroker.class));
    }
}
