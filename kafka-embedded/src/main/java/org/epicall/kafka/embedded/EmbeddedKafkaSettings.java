package org.epicall.kafka.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to run an {@link EmbeddedKafkaBroker}.
 *
 * @param dataDirectory  where the broker keeps its logs and metadata; {@code null} means a fresh
 *                       temporary directory that is deleted when the broker is closed
 * @param port           client port on localhost; 0 picks a free port at the first start and keeps it
 *                       across restarts of the same broker object
 * @param overrides      extra Kafka broker properties, applied last (e.g. {@code num.partitions})
 * @param clientListener how clients connect to that port: plaintext unless a test asks for more
 */
public record EmbeddedKafkaSettings(Path dataDirectory, int port, Map<String, String> overrides,
                                    ClientListener clientListener) {

    public EmbeddedKafkaSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        overrides = Map.copyOf(overrides);
        clientListener = clientListener == null ? ClientListener.PLAINTEXT : clientListener;
    }

    /** A broker whose clients connect in plaintext: the demo's, the service's embedded one, most tests'. */
    public EmbeddedKafkaSettings(Path dataDirectory, int port, Map<String, String> overrides) {
        this(dataDirectory, port, overrides, ClientListener.PLAINTEXT);
    }

    /** A broker on a free port with a temporary data directory: what tests want. */
    public static EmbeddedKafkaSettings ephemeral() {
        return new EmbeddedKafkaSettings(null, 0, Map.of());
    }

    /** A broker on a free port that keeps its data in {@code dataDirectory} across restarts. */
    public static EmbeddedKafkaSettings persistentAt(Path dataDirectory) {
        return new EmbeddedKafkaSettings(dataDirectory, 0, Map.of());
    }

    public EmbeddedKafkaSettings withPort(int newPort) {
        return new EmbeddedKafkaSettings(dataDirectory, newPort, overrides, clientListener);
    }

    public EmbeddedKafkaSettings withOverride(String key, String value) {
        var merged = new java.util.HashMap<>(overrides);
        merged.put(key, value);
        return new EmbeddedKafkaSettings(dataDirectory, port, merged, clientListener);
    }

    public EmbeddedKafkaSettings withClientListener(ClientListener listener) {
        return new EmbeddedKafkaSettings(dataDirectory, port, overrides, listener);
    }

    /**
     * The client listener's security, as a production broker would have it (for tests of authentication
     * and ACLs). The listener is named after its protocol, so its broker-side settings go in the overrides
     * under {@code listener.name.<protocol in lower case>.}: SASL mechanisms and JAAS login, TLS keystore,
     * the authorizer and its super users. The broker also uses this listener to talk to itself.
     *
     * @param protocol              {@code PLAINTEXT}, {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}
     * @param scramCredentials      SCRAM users written into the metadata when the storage is first formatted,
     *                              as {@code kafka-storage format --add-scram} takes them
     *                              ({@code SCRAM-SHA-512=[name=admin,password=...]}): a SASL listener has no
     *                              user before the broker runs otherwise
     * @param adminClientProperties what the broker's own admin clients (its readiness check,
     *                              {@link EmbeddedKafkaBroker#createTopics}) connect with
     */
    public record ClientListener(String protocol, List<String> scramCredentials,
                                 Map<String, Object> adminClientProperties) {

        public static final ClientListener PLAINTEXT = new ClientListener("PLAINTEXT", List.of(), Map.of());

        public ClientListener {
            if (protocol == null || !List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL").contains(protocol)) {
                throw new IllegalArgumentException("protocol must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL, was "
                        + protocol);
            }
            scramCredentials = List.copyOf(scramCredentials);
            adminClientProperties = Map.copyOf(adminClientProperties);
        }

        /** Passwords stay out, so settings can be logged. */
        @Override
        public String toString() {
            return "ClientListener[" + protocol + ", " + scramCredentials.size() + " SCRAM users at format]";
        }
    }
}
