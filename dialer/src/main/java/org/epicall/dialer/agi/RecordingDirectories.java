package org.epicall.dialer.agi;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recordings directories the dialer makes for Asterisk to write into. Asterisk runs as another
 * user (its own container, on a volume shared with the dialer), so a directory the dialer makes with
 * its default mode (0755) is one Asterisk cannot write: RECORD FILE answers {@code writefile} for every
 * answer (agi-24). A campaign's directory is therefore made {@code 2775}: writable by the group that owns
 * the recordings volume, which Asterisk must belong to, and set-group-id, so that whatever is made inside
 * belongs to that group too. Stateless.
 */
final class RecordingDirectories {

    private static final Logger log = LoggerFactory.getLogger(RecordingDirectories.class);
    /** rwxrwsr-x: the group writes, and new entries inherit the group. */
    static final int CAMPAIGN_MODE = 02775;
    private static final Set<Path> MADE = ConcurrentHashMap.newKeySet();

    private RecordingDirectories() {
    }

    /** The campaign's directory under {@code root}, made group-writable the first time it is needed. */
    static Path forCampaign(Path root, String campaignId) {
        Path dir = root.resolve(campaignId);
        if (MADE.contains(dir)) {
            return dir;
        }
        try {
            Files.createDirectories(root);
            Files.createDirectory(dir);
            Files.setAttribute(dir, "unix:mode", CAMPAIGN_MODE);
        } catch (FileAlreadyExistsException e) {
            // made before, perhaps by another node or an earlier run; its mode is left as it was
        } catch (UnsupportedOperationException e) {
            // a file system without POSIX modes: nothing to set
        } catch (IOException e) {
            // Asterisk may still manage on its side of a shared volume; the recording path is kept either way
            log.warn("Cannot create recordings directory {}: {}", dir, e.getMessage());
        }
        MADE.add(dir);
        return dir;
    }
}
