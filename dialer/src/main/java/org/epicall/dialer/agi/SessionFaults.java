package org.epicall.dialer.agi;

import java.nio.file.Path;

/**
 * What a survey session tells its node about the setup as it finds it, so an operator hears of a
 * missing prompt or an unwritable recordings directory from the first call that meets it. One per
 * session; the node side is thread-safe.
 */
public interface SessionFaults {

    /** A prompt was not found on the PBX. */
    void promptMissing(String prompt);

    /** The PBX could not write this recording. */
    void recordingFailed(Path file);

    /** The PBX wrote this recording. */
    void recordingWritten(Path file);

    /** Tells nobody: for conversations driven without a node. */
    SessionFaults NONE = new SessionFaults() {
        @Override
        public void promptMissing(String prompt) {
        }

        @Override
        public void recordingFailed(Path file) {
        }

        @Override
        public void recordingWritten(Path file) {
        }
    };
}
