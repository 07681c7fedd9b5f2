package org.epicall.campaign.boundary;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.epicall.messaging.KafkaSecurity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Kafka settings, under {@code epicall.kafka}.
 *
 * @param enabled           false leaves Kafka out entirely (for tests of other features)
 * @param bootstrapServers  {@code host:port,…} of the Kafka cluster; required unless {@code embedded}
 * @param embedded          true runs a broker inside this process instead (trials and the demo); never
 *                          the silent consequence of a missing setting
 * @param dataDir           data directory of that embedded broker; kept across restarts
 * @param embeddedPort      client port of the embedded broker; 0 picks a free one (it is logged and
 *                          written to {@code <data-dir>/broker.address})
 * @param topicPartitions   partitions of each epicall topic when epicall creates it; the most
 *                          dialer nodes that can share the dial requests
 * @param replicationFactor replicas of each topic it creates (1 for the embedded broker, 3 in production)
 * @param security          how this service authenticates to the cluster and encrypts what it sends
 *                          ({@code epicall.kafka.security.protocol}, {@code .username}, {@code .password},
 *                          {@code .truststore}, ...); plaintext unless set, and always for the embedded broker
 */
@Validated
@ConfigurationProperties("epicall.kafka")
public record KafkaMessagingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String bootstrapServers,
        @DefaultValue("false") boolean embedded,
        @NotNull @DefaultValue("data/kafka") Path dataDir,
        @Min(0) @Max(65_535) @DefaultValue("0") int embeddedPort,
        @Min(1) @Max(10_000) @DefaultValue("6") int topicPartitions,
        @Min(1) @Max(16) @DefaultValue("1") short replicationFactor,
        @DefaultValue KafkaSecurity security) {

    public KafkaMessagingProperties {
        boolean none = bootstrapServers == null || bootstrapServers.isBlank();
        if (enabled && none && !embedded) {
            throw new IllegalArgumentException("epicall.kafka.bootstrap-servers is empty: set it to host:port of your "
                    + "Kafka brokers (EPICALL_KAFKA_BOOTSTRAP_SERVERS), or set epicall.kafka.embedded=true to run a "
                    + "broker inside this process for a trial");
        }
        if (enabled && embedded && security != null && security.protocol() != KafkaSecurity.PLAINTEXT.protocol()) {
            throw new IllegalArgumentException("epicall.kafka.embedded=true and epicall.kafka.security.protocol="
                    + security.protocol() + " contradict each other: the embedded broker takes plaintext clients on"
                    + " localhost only; remove the security settings, or name your cluster in bootstrap-servers");
        }
        if (enabled && !none && embedded) {
            throw new IllegalArgumentException("epicall.kafka.embedded=true and epicall.kafka.bootstrap-servers="
                    + bootstrapServers + " contradict each other: keep one");
        }
    }
}
