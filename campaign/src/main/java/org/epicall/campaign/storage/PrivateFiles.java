package org.epicall.campaign.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Directories and files only the service's own user may read: rosters, the pseudonym key, the database.
 * On file systems without POSIX permissions this does nothing.
 */
public final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** Creates the directory (and parents) if needed and makes it 0700. */
    public static Path directory(Path dir) {
        try {
            Files.createDirectories(dir);
            if (POSIX) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the private directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Makes an existing file 0600. */
    public static Path file(Path file) {
        try {
            if (POSIX) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + file + " private: " + e.getMessage(), e);
        }
    }
}
