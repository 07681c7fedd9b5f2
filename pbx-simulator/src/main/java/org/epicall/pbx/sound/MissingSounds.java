package org.epicall.pbx.sound;

/** What the simulator does when asked to play a sound file it does not have. */
public enum MissingSounds {
    /**
     * As Asterisk 22: STREAM FILE answers {@code 200 result=-1 endpos=0} at once, Playback sets PLAYBACKSTATUS
     * FAILED, and the AGI script ends with AGISTATUS FAILURE (agi-23, ami-23). The default.
     */
    FAIL,
    /**
     * Plays it as silence of a fixed length, for a setup whose prompts exist only on the real server. Real
     * Asterisk never does this: a dialer tested so cannot notice a missing prompt.
     */
    PLAY
}
