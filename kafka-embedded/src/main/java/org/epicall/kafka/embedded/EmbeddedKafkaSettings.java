package org.epicall.kafka.embedded;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run an {@link EmbeddedKafkaBroker}.
 *
 * @param dataDirectory where the broker keeps its logs and metadata; {@code null} means a fresh
 *                      temporary directory that is deleted when the broker is closed
 * @param port          client (PLAINTEXT) port on localhost; 0 picks a free port at the first start
 *                      and keeps it across restarts of the same broker object
 * @param overrides     extra Kafka broker properties, applied last (e.g. {@code num.partitions})
 */
public record EmbeddedKafkaSettings(Path dataDirectory, int port, Map<String, String> overrides) {

    public EmbeddedKafkaSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        overrides = Map.copyOf(overrides);
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
        return new EmbeddedKafkaSettings(dataDirectory, newPort, overrides);
    }

    public EmbeddedKafkaSettings withOverride(String key, String value) {
        var merged = new java.util.HashMap<>(overrides);
        merged.put(key, value);
        return new EmbeddedKafkaSettings(dataDirectory, port, merged);
    }
}
