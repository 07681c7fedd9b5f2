package org.epicall.dialer.agi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The FastAGI survey server and the timings of a survey call.
 *
 * @param bindAddress    address to listen on ({@code 0.0.0.0} for all)
 * @param port           FastAGI port (Asterisk's default is 4573; 0 picks a free one)
 * @param recordingsDir  where recordings are written and kept; must be the same path on the
 *                       Asterisk side (a shared volume), since Asterisk writes the files
 * @param maxAnswer      longest answer recorded
 * @param silence        silence that ends an answer (RECORD FILE {@code s=})
 * @param keypadTimeout  how long to wait for keypad digits
 * @param keypadMaxDigits most digits read for one keypad answer
 * @param socketTimeout  a session whose peer says nothing for this long is closed
 */
public record AgiConfig(String bindAddress, int port, Path recordingsDir, Duration maxAnswer, Duration silence,
        Duration keypadTimeout, int keypadMaxDigits, Duration socketTimeout) {

    public AgiConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(recordingsDir, "recordingsDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("AGI port must be 0..65535, was " + port);
        }
        if (silence.toSeconds() < 1) {
            throw new IllegalArgumentException("silence must be at least 1 s (RECORD FILE counts whole seconds), was "
                    + silence);
        }
    }

    public static AgiConfig defaults(Path recordingsDir) {
        return new AgiConfig("0.0.0.0", 4573, recordingsDir, Duration.ofSeconds(10), Duration.ofSeconds(2),
                Duration.ofSeconds(8), 4, Duration.ofMinutes(2));
    }

    public AgiConfig withEndpoint(String address, int listenPort) {
        return new AgiConfig(address, listenPort, recordingsDir, maxAnswer, silence, keypadTimeout, keypadMaxDigits,
                socketTimeout);
    }
}
