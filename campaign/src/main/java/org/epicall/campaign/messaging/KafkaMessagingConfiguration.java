package org.epicall.campaign.messaging;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Kafka for the campaign service: the cluster (or embedded broker), result publishing, dial requests. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "epicall.kafka", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(KafkaMessagingProperties.class)
public class KafkaMessagingConfiguration {

    @Bean(destroyMethod = "close")
    KafkaEndpoint kafkaEndpoint(KafkaMessagingProperties properties) {
        return KafkaEndpoint.start(properties);
    }

    @Bean(destroyMethod = "close")
    ResultPublisher resultPublisher(KafkaEndpoint endpoint, KafkaMessagingProperties properties,
                                    ObjectProvider<PhoneNumberDisclosure> disclosure) {
        return ResultPublisher.start(endpoint.bootstrapServers(), properties.outboxDir(),
                disclosure.getIfAvailable(() -> PhoneNumberDisclosure.NEVER));
    }

    @Bean
    org.epicall.survey.call.CallResultSink callResultSink(ResultPublisher publisher) {
        return publisher.sink();
    }

    @Bean(destroyMethod = "close")
    DialRequestPublisher dialRequestPublisher(KafkaEndpoint endpoint) {
        return new DialRequestPublisher(endpoint.bootstrapServers());
    }
}
