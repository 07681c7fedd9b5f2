package org.epicall.dialer.agi;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
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
 * @param advertisedHost the host Asterisk connects to for this node's surveys (see {@link #url()}); null: the
 *                       bind address, or this machine's address when bound to all
 * @param machineMessage whether to play the short {@code machine} prompt to an answering machine before
 *                       hanging up (off by default: a shared voicemail would tell whoever listens that a
 *                       health authority is calling the resident)
 */
public record AgiConfig(String bindAddress, int port, Path recordingsDir, Duration maxAnswer, Duration silence,
        Duration keypadTimeout, int keypadMaxDigits, Duration socketTimeout, String advertisedHost,
        boolean machineMessage) {

    /** The channel variable each Originate sets to {@link #url()}; the survey context runs {@code AGI(${EPICALL_AGI})}. */
    public static final String URL_VARIABLE = "EPICALL_AGI";

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
                Duration.ofSeconds(8), 4, Duration.ofMinutes(2), null, false);
    }

    public AgiConfig withEndpoint(String address, int listenPort) {
        return new AgiConfig(address, listenPort, recordingsDir, maxAnswer, silence, keypadTimeout, keypadMaxDigits,
                socketTimeout, advertisedHost, machineMessage);
    }

    public AgiConfig withAdvertisedHost(String host) {
        return new AgiConfig(bindAddress, port, recordingsDir, maxAnswer, silence, keypadTimeout, keypadMaxDigits,
                socketTimeout, host, machineMessage);
    }

    public AgiConfig withMachineMessage(boolean leave) {
        return new AgiConfig(bindAddress, port, recordingsDir, maxAnswer, silence, keypadTimeout, keypadMaxDigits,
                socketTimeout, advertisedHost, leave);
    }

    /**
     * Where Asterisk reaches this node's survey script: {@code agi://<advertised host>:<port>/survey}. Each
     * Originate carries it in {@value #URL_VARIABLE}, so that an answered call comes back to the node that
     * placed it, whichever of several nodes sharing the Asterisk server that is.
     */
    public URI url() {
        return URI.create("agi://" + host() + ":" + port + "/survey");
    }

    private String host() {
        if (advertisedHost != null && !advertisedHost.isBlank()) {
            return advertisedHost;
        }
        if (!"0.0.0.0".equals(bindAddress) && !"::".equals(bindAddress)) {
            return bindAddress;
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot tell this machine's address for Asterisk to reach the FastAGI server;"
                    + " set the advertised host", e);
        }
    }
}
