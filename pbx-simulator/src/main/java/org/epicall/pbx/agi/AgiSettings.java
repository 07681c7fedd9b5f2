package org.epicall.pbx.agi;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the simulated Asterisk side of FastAGI behaves.
 *
 * @param connectTimeout  how long to wait for the FastAGI server to accept (wall time)
 * @param soundsDirectory where relative STREAM FILE and RECORD FILE names resolve
 * @param promptDuration  how long a prompt plays when its audio file is not found (simulated time)
 * @param keypressDelay   how long a resident takes to press each key (simulated time)
 */
public record AgiSettings(Duration connectTimeout, Path soundsDirectory, Duration promptDuration,
                          Duration keypressDelay) {

}
