package org.epicall.campaign.boundary;

import java.util.Map;

import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings;
import org.epicall.messaging.DialRequestPublisher;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.KafkaEndpoint;
import org.epicall.messaging.QuestionnairePublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Kafka for the campaign service: the cluster (or embedded broker), its topics, the dial-request and questionnaire publishers. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "epicall.kafka", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(KafkaMessagingProperties.class)
public class KafkaMessagingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaMessagingConfiguration.class);

    /**
     * A broker inside this process, when {@code epicall.kafka.embedded} asks for one.
     *
     * @throws org.epicall.kafka.embedded.EmbeddedKafkaException if it cannot start (its data directory
     *         is in use, or the port is taken); the message says what to change
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "epicall.kafka", name = "embedded", havingValue = "true")
    EmbeddedKafkaBroker embeddedKafkaBroker(KafkaMessagingProperties properties) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(new EmbeddedKafkaSettings(properties.dataDir(),
                properties.embeddedPort(), Map.of("num.partitions", Integer.toString(properties.topicPartitions()))));
        log.info("epicall.kafka.embedded: a Kafka broker runs inside this process at {} (data in {})",
                broker.bootstrapServers(), properties.dataDir().toAbsolutePath());
        return broker;
    }

    @Bean(destroyMethod = "close")
    KafkaEndpoint kafkaEndpoint(KafkaMessagingProperties properties, ObjectProvider<EmbeddedKafkaBroker> embedded) {
        EmbeddedKafkaBroker broker = embedded.getIfAvailable();
        KafkaConnection connection = broker != null ? KafkaConnection.plaintext(broker.bootstrapServers())
                : new KafkaConnection(properties.bootstrapServers(), properties.security());
        return KafkaEndpoint.connect(connection, properties.topicPartitions(), properties.replicationFactor());
    }

    @Bean(destroyMethod = "close")
    DialRequestPublisher dialRequestPublisher(KafkaEndpoint endpoint) {
        return new DialRequestPublisher(endpoint.connection());
    }

    @Bean(destroyMethod = "close")
    QuestionnairePublisher questionnairePublisher(KafkaEndpoint endpoint) {
        return new QuestionnairePublisher(endpoint.connection());
    }
}
