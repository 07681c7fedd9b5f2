package org.epicall.dialer.service.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directories the node keeps things in, each checked at start to be writable, so that no call is
 * placed whose answers could not be recorded or whose result could not be kept.
 *
 * @param recordings where answers are recorded
 * @param ledger     the dial ledger's directory
 * @param outbox     the result outbox
 */
public record WritableDirectories(Path recordings, Path ledger, Path outbox) {

    /**
     * @throws StartupFailure naming the first setting whose directory cannot be written
     */
    public static WritableDirectories check(DialerProperties properties) {
        return new WritableDirectories(
                check("epicall.dialer.recordings-dir", properties.recordingsDir()),
                check("epicall.dialer.ledger-dir", properties.ledgerDir()),
                check("epicall.dialer.outbox-dir", properties.outboxDir()));
    }

    /**
     * Creates the directory if need be and writes and deletes a file in it.
     *
     * @throws StartupFailure naming {@code setting} if that fails
     */
    public static Path check(String setting, Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".epicall-write-check-", "");
            Files.delete(probe);
            return dir;
        } catch (IOException | SecurityException e) {
            throw new StartupFailure(setting, dir + " cannot be written by user '" + System.getProperty("user.name")
                    + "' (" + describe(e) + "); create it and give that user write access, or point the setting at "
                    + "a directory that is writable");
        }
    }

    private static String describe(Exception e) {
        return switch (e) {
            case AccessDeniedException a -> "permission denied";
            case FileSystemException f when f.getReason() != null -> f.getReason().toLowerCase(java.util.Locale.ROOT);
            case FileSystemException f -> "cannot create " + f.getFile();
            default -> String.valueOf(e.getMessage());
        };
    }
}
