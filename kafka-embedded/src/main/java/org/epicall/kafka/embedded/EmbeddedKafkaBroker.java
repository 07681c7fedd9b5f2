package org.epicall.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.epicall.kafka.embedded.internal.BrokerProperties;
import org.epicall.kafka.embedded.internal.DataDirectoryLock;
import org.epicall.kafka.embedded.internal.FatalFaults;
import org.epicall.kafka.embedded.internal.FreePorts;
import org.epicall.kafka.embedded.internal.StorageFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) running inside this JVM, started
 * from the Kafka jars as {@code kafka-server-start} would start it.
 *
 * <p>Auto topic creation is off: create topics with {@link #createTopics}. The broker can be
 * {@link #stop() stopped} and {@link #start() started} again on the same data directory and the
 * same port, which is how tests simulate an outage. {@link #close()} stops it and, if the data
 * directory was temporary, deletes it.
 *
 * <p>Thread-safe: start, stop and close are serialised on the instance.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** Written into the data directory while a broker runs there, so other processes can find it. */
    public static final String ADDRESS_FILE = "broker.address";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedKafkaSettings settings;
    private final Path dataDirectory;
    private final boolean temporary;
    private int clientPort;
    private int controllerPort;
    private KafkaRaftServer server;
    private DataDirectoryLock lock;

    public EmbeddedKafkaBroker(EmbeddedKafkaSettings settings) {
        this.settings = settings;
        this.temporary = settings.dataDirectory() == null;
        this.dataDirectory = temporary ? createTemporaryDirectory() : settings.dataDirectory().toAbsolutePath();
        this.clientPort = settings.port();
    }

    /** Creates and starts a broker; the caller closes it. */
    public static EmbeddedKafkaBroker start(EmbeddedKafkaSettings settings) {
        return new EmbeddedKafkaBroker(settings).start();
    }

    /**
     * Starts the broker and returns when it accepts clients. Starting a running broker does nothing.
     *
     * @throws EmbeddedKafkaException if it cannot start, naming the data directory and port
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            return this;
        }
        FatalFaults.neverHaltTheJvm();
        if (clientPort == 0) {
            clientPort = FreePorts.pick();
        }
        if (controllerPort == 0) {
            controllerPort = FreePorts.pick();
        }
        Path logDirectory = dataDirectory.resolve("logs");
        long started = System.nanoTime();
        KafkaRaftServer starting = null;
        try {
            lock = DataDirectoryLock.acquire(dataDirectory);
            boolean formatted = StorageFormat.formatIfNeeded(logDirectory, settings.clientListener().scramCredentials());
            Map<String, String> props = BrokerProperties.combined(logDirectory, clientPort, controllerPort,
                    settings.clientListener().protocol(), settings.overrides());
            starting = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            starting.startup();
            awaitReady();
            server = starting;
            writeAddressFile();
            log.info("Embedded Kafka broker up at {} ({} data directory {}) in {} ms", bootstrapServers(),
                    formatted ? "new" : "existing", dataDirectory,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return this;
        } catch (Exception e) {
            if (starting != null) {
                shutDownQuietly(starting);
            }
            releaseLock();
            throw new EmbeddedKafkaException("The embedded Kafka broker could not start on localhost:" + clientPort
                    + " with data directory " + dataDirectory + ": " + rootMessage(e)
                    + ". If another epicall process is using this data directory, stop it or configure another one"
                    + " (epicall.kafka.data-dir); if the port is taken, pick another (epicall.kafka.embedded-port).", e);
        }
    }

    /** Stops the broker cleanly, keeping its data. Stopping a stopped broker does nothing. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        deleteAddressFile();
        shutDownQuietly(stopping);
        releaseLock();
        log.info("Embedded Kafka broker at localhost:{} stopped; data kept in {}", clientPort, dataDirectory);
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code localhost:port} of the client listener; stable across stop and start. */
    public synchronized String bootstrapServers() {
        if (clientPort == 0) {
            throw new IllegalStateException("the embedded Kafka broker has not been started yet");
        }
        return "localhost:" + clientPort;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Creates the topics that do not exist yet; existing ones are left as they are.
     *
     * @throws EmbeddedKafkaException if the broker refused or did not answer
     */
    public void createTopics(Collection<NewTopic> topics) {
        try (Admin admin = Admin.create(adminProperties(Map.of()))) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new EmbeddedKafkaException("Could not create topics " + topics + " on " + bootstrapServers()
                    + ": " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("Interrupted while creating topics " + topics, e);
        }
    }

    public void createTopic(String name, int partitions) {
        createTopics(List.of(new NewTopic(name, partitions, (short) 1)));
    }

    /** Stops the broker and deletes the data directory if it was a temporary one. */
    @Override
    public synchronized void close() {
        stop();
        if (temporary) {
            try {
                Utils.delete(dataDirectory.toFile());
            } catch (IOException e) {
                log.warn("Could not delete the embedded Kafka data directory {}: {}", dataDirectory, e.toString());
            }
        }
    }

    /**
     * The address of the broker that some epicall process, this one or another, is running on
     * {@code dataDirectory}, as it wrote it on start; empty if none is running there. A file left
     * behind by a process that died is recognised by the data directory lock being free.
     */
    public static Optional<String> runningAt(Path dataDirectory) {
        Path file = dataDirectory.resolve(ADDRESS_FILE);
        if (!Files.isRegularFile(file) || DataDirectoryLock.isFree(dataDirectory)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()).filter(s -> !s.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void awaitReady() throws Exception {
        try (Admin admin = Admin.create(adminProperties(
                Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis())))) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private Map<String, Object> adminProperties(Map<String, Object> more) {
        Map<String, Object> props = new HashMap<>(settings.clientListener().adminClientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.putAll(more);
        return props;
    }

    private void writeAddressFile() throws IOException {
        Files.writeString(dataDirectory.resolve(ADDRESS_FILE), bootstrapServers(), StandardCharsets.UTF_8);
    }

    private void deleteAddressFile() {
        try {
            Files.deleteIfExists(dataDirectory.resolve(ADDRESS_FILE));
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", dataDirectory.resolve(ADDRESS_FILE), e.toString());
        }
    }

    private void releaseLock() {
        if (lock == null) {
            return;
        }
        try {
            lock.close();
        } catch (IOException e) {
            log.warn("Could not release the lock on {}: {}", dataDirectory, e.toString());
        }
        lock = null;
    }

    private static void shutDownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("The embedded Kafka broker did not shut down cleanly: {}", e.toString());
        }
    }

    private static Path createTemporaryDirectory() {
        try {
            return Files.createTempDirectory("epicall-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for the embedded Kafka broker", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
