package org.epicall.campaign.results;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.KafkaSecurity;
import org.epicall.messaging.TopicAdministration;

/**
 * The broker a command-line tool talks to: the one named with {@code --bootstrap-servers}, with the
 * security settings of {@code --command-config}; else the embedded broker an epicall process (the demo,
 * the service) is running on the data directory; else one started here on that directory for as long
 * as the tool runs.
 */
final class ToolBroker implements AutoCloseable {

    private final KafkaConnection connection;
    private final EmbeddedKafkaBroker started;

    private ToolBroker(KafkaConnection connection, EmbeddedKafkaBroker started) {
        this.connection = connection;
        this.started = started;
    }

    /**
     * @param commandConfig a Kafka client properties file with the security settings, or null
     * @throws IllegalArgumentException naming the file, if it cannot be read or its settings are refused,
     *                                  or if it is given without bootstrap servers
     */
    static ToolBroker resolve(String bootstrapServers, Path commandConfig, Path dataDirectory) {
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            KafkaSecurity security = commandConfig == null ? KafkaSecurity.PLAINTEXT : security(commandConfig);
            return new ToolBroker(new KafkaConnection(bootstrapServers, security), null);
        }
        if (commandConfig != null) {
            throw new IllegalArgumentException("--command-config " + commandConfig + " is for a cluster named with"
                    + " --bootstrap-servers; the embedded broker takes plaintext clients only");
        }
        var running = EmbeddedKafkaBroker.runningAt(dataDirectory);
        if (running.isPresent()) {
            return new ToolBroker(KafkaConnection.plaintext(running.get()), null);
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
                new EmbeddedKafkaSettings(dataDirectory, 0, Map.of()));
        KafkaConnection connection = KafkaConnection.plaintext(broker.bootstrapServers());
        TopicAdministration.ensureTopics(connection, 6, (short) 1);
        return new ToolBroker(connection, broker);
    }

    private static KafkaSecurity security(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("--command-config " + file + " cannot be read: " + e.getMessage(), e);
        }
        return KafkaSecurity.fromClientProperties(properties, "--command-config " + file);
    }

    KafkaConnection connection() {
        return connection;
    }

    /** Where the address came from, for messages. */
    String description() {
        return started != null ? "the embedded broker started on " + started.dataDirectory() : connection.toString();
    }

    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
