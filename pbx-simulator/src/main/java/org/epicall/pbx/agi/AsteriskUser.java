package org.epicall.pbx.agi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Whose file permissions RECORD FILE writes with: the simulated Asterisk process's user. */
public enum AsteriskUser {
    /**
     * The simulator's own user, as when Asterisk and the dialer run as one user on one host (the embedded demo).
     * Running as root, it writes anywhere, as Asterisk as root did (agi-24-record-unwritable-as-root).
     */
    SIMULATOR,
    /**
     * Another user that shares the directory's group, as an Asterisk container beside a dialer container on one
     * recordings volume: it may write only into a directory that grants write and search to the group or to
     * others. A directory the dialer made with mode 0755 then answers {@code 200 result=-1 (writefile)} (agi-24).
     */
    OTHER_USER_IN_GROUP;

    /** Whether RECORD FILE may create a file in {@code directory} (which exists). */
    boolean canWriteInto(Path directory) {
        if (this == SIMULATOR) {
            return Files.isWritable(directory) && Files.isExecutable(directory);
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
            return permissions.contains(PosixFilePermission.GROUP_WRITE)
                    && permissions.contains(PosixFilePermission.GROUP_EXECUTE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE)
                    && permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException | UnsupportedOperationException e) {
            return Files.isWritable(directory);
        }
    }
}
