package org.epicall.campaign.results;

import java.nio.file.Path;
import java.util.Map;

import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings;
import org.epicall.messaging.TopicAdministration;

/**
 * The broker a command-line tool talks to: the one named with {@code --bootstrap-servers}; else
 * the embedded broker an epicall process (the demo, the service) is running on the data
 * directory; else one started here on that directory for as long as the tool runs.
 */
final class ToolBroker implements AutoCloseable {

    private final String bootstrapServers;
    private final EmbeddedKafkaBroker started;

    private ToolBroker(String bootstrapServers, EmbeddedKafkaBroker started) {
        this.bootstrapServers = bootstrapServers;
        this.started = started;
    }

    static ToolBroker resolve(String bootstrapServers, Path dataDirectory) {
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            return new ToolBroker(bootstrapServers, null);
        }
        var running = EmbeddedKafkaBroker.runningAt(dataDirectory);
        if (running.isPresent()) {
            return new ToolBroker(running.get(), null);
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
                new EmbeddedKafkaSettings(dataDirectory, 0, Map.of()));
        TopicAdministration.ensureTopics(broker.bootstrapServers(), 6, (short) 1);
        return new ToolBroker(broker.bootstrapServers(), broker);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Where the address came from, for messages. */
    String description() {
        return started != null ? "the embedded broker started on " + started.dataDirectory() : bootstrapServers;
    }

    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
