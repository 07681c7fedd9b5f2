package org.epicall.dialer.service.recordings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes residents' recorded answers once {@code epicall.dialer.recordings-retention} has passed since
 * they were written: every file under the recordings directory last modified before now minus the
 * retention. A recording being written is modified as it grows, so it is never taken; officials play the
 * same files through the campaign service, which then reports the recording as gone.
 *
 * <p>Campaign directories stay (they hold no one's data, and Asterisk needs them to record the campaign's
 * next calls). Several nodes sharing one recordings volume may sweep at once: a file another node
 * deleted first is no error. Runs at start and then hourly; thread-safe.
 */
public final class RecordingRetention {

    private static final Logger log = LoggerFactory.getLogger(RecordingRetention.class);

    private final Path root;
    private final Duration retention;
    private final InstantSource clock;

    /**
     * @param root      the recordings directory
     * @param retention how long a recording is kept after it was last written
     * @param clock     the time the retention is measured against
     */
    public RecordingRetention(Path root, Duration retention, InstantSource clock) {
        this.root = Objects.requireNonNull(root, "root");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Scheduled(initialDelayString = "PT0S", fixedDelayString = "PT1H")
    void hourly() {
        try {
            sweep();
        } catch (UncheckedIOException e) {
            log.warn("Could not sweep the recordings in {} ({}); recordings past the retention of {} stay until the"
                    + " next sweep in an hour", root, e.getCause().getMessage(), retention);
        }
    }

    /**
     * Deletes the recordings last written before now minus the retention.
     *
     * @return recordings deleted
     * @throws UncheckedIOException if the recordings directory cannot be listed
     */
    public int sweep() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(retention);
        List<Path> expired;
        try (Stream<Path> files = Files.find(root, Integer.MAX_VALUE,
                (path, attributes) -> attributes.isRegularFile() && writtenBefore(attributes, cutoff))) {
            expired = files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int deleted = 0;
        for (Path file : expired) {
            try {
                Files.delete(file);
                deleted++;
            } catch (NoSuchFileException e) {
                // another node sharing the volume took it first
            } catch (IOException e) {
                log.warn("Could not delete the recording {} past its retention of {}: {}; give this node write access"
                        + " to it", file, retention, e.toString());
            }
        }
        if (deleted > 0) {
            log.info("Deleted {} recordings written before {} ({} retention) from {}", deleted, cutoff, retention, root);
        }
        return deleted;
    }

    private static boolean writtenBefore(BasicFileAttributes attributes, Instant cutoff) {
        return attributes.lastModifiedTime().toInstant().isBefore(cutoff);
    }
}
