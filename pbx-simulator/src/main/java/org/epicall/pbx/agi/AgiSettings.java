package org.epicall.pbx.agi;

import org.epicall.pbx.sound.Sounds;

import java.time.Duration;

/**
 * How the simulated Asterisk side of FastAGI behaves.
 *
 * @param connectTimeout how long to wait for the FastAGI server to accept (wall time)
 * @param sounds         what STREAM FILE and Playback can play, and where relative recordings land
 * @param keypressDelay  how long a resident takes to press each key (simulated time)
 * @param asteriskUser   whose permissions RECORD FILE writes with
 */
public record AgiSettings(Duration connectTimeout, Sounds sounds, Duration keypressDelay, AsteriskUser asteriskUser) {

}
