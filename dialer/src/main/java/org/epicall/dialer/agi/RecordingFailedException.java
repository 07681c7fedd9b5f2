package org.epicall.dialer.agi;

import java.nio.file.Path;

/**
 * The PBX could not write a recording: RECORD FILE answered {@code 200 result=-1 (writefile)} at once
 * (agi-24), typically because the Asterisk user may not write the directory. The channel is alive.
 */
public final class RecordingFailedException extends RuntimeException {

    private final Path file;

    public RecordingFailedException(Path file) {
        super("the PBX cannot write the recording " + file + " (RECORD FILE: result=-1 (writefile))");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
