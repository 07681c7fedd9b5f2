package org.epicall.kafka.embedded.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a broker's data directory, taken before Kafka touches it. Kafka's own log
 * directory lock is taken only after the controller has started writing the metadata log, so a
 * second broker on the same directory could damage it before being refused.
 */
public final class DataDirectoryLock implements AutoCloseable {

    private static final String LOCK_FILE = "epicall-broker.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException if another broker, in this process or another, holds it */
    public static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        FileChannel channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("another process is running a broker on " + dataDirectory);
            }
            return new DataDirectoryLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IllegalStateException("another broker in this process is running on " + dataDirectory, e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** True if no broker holds the lock on {@code dataDirectory} right now. */
    public static boolean isFree(Path dataDirectory) {
        if (!Files.isRegularFile(dataDirectory.resolve(LOCK_FILE))) {
            return true;
        }
        try (DataDirectoryLock probe = acquire(dataDirectory)) {
            return true;
        } catch (IllegalStateException | IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
