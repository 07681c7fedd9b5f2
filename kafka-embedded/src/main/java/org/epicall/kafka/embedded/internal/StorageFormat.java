package org.epicall.kafka.embedded.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/** Formats a KRaft log directory once, as {@code kafka-storage format} would; leaves a formatted one alone. */
public final class StorageFormat {

    private StorageFormat() {
    }

    public static boolean isFormatted(Path logDirectory) {
        return Files.isRegularFile(logDirectory.resolve("meta.properties"));
    }

    /**
     * Returns true if it formatted the directory, false if it already was.
     *
     * @param scramCredentials SCRAM users to write into the new metadata, as {@code --add-scram} takes them
     */
    public static boolean formatIfNeeded(Path logDirectory, List<String> scramCredentials) throws Exception {
        if (isFormatted(logDirectory)) {
            return false;
        }
        Files.createDirectories(logDirectory);
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(BrokerProperties.NODE_ID)
                .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
                .addDirectory(logDirectory.toString())
                .setMetadataLogDirectory(logDirectory.toString())
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setScramArguments(scramCredentials)
                .run();
        return true;
    }
}
