package org.epicall.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The Kafka cluster a process talks to and how: every producer, consumer and admin client epicall
 * makes starts from {@link #clientProperties()}, so the cluster's address and security are set in one
 * place.
 *
 * @param bootstrapServers {@code host:port,…} of the brokers
 * @param security         how the clients authenticate and encrypt; {@link KafkaSecurity#PLAINTEXT} if null
 */
public record KafkaConnection(String bootstrapServers, KafkaSecurity security) {

    public KafkaConnection {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap-servers: give host:port of the Kafka brokers");
        }
        bootstrapServers = bootstrapServers.strip();
        security = Objects.requireNonNullElse(security, KafkaSecurity.PLAINTEXT);
    }

    /** A cluster reached without authentication or encryption: the embedded broker, or one on a private network. */
    public static KafkaConnection plaintext(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, KafkaSecurity.PLAINTEXT);
    }

    /** The address and security settings; each client adds its own. A new, modifiable map each call. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>(security.clientProperties());
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    /** The cluster for messages: its address, and the protocol and user when not plaintext. */
    @Override
    public String toString() {
        return bootstrapServers + (security.protocol() == KafkaSecurity.PLAINTEXT.protocol() ? ""
                : " (" + security.protocol() + ", " + security.principal() + ")");
    }
}
