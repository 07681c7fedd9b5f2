package org.epicall.app.demo.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.epicall.dialer.service.DialerApplication;
import org.epicall.dialer.service.DialerService;
import org.epicall.dialer.service.LoadedSpeech;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dialer service ({@code epicall dialer}) running in this JVM, configured as a deployment would
 * configure it, only with the simulator as its Asterisk and the demo's broker as its Kafka.
 */
public final class EmbeddedDialer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private EmbeddedDialer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * How the demo runs its dialer node.
     *
     * @param directory        its ledger, outbox and recordings
     * @param amiPort          the simulator's AMI port on localhost
     * @param callsPerSecond   originate rate
     * @param maxChannels      concurrent calls on the simulator
     * @param bootstrapServers the demo's broker
     */
    public record Settings(Path directory, int amiPort, double callsPerSecond, int maxChannels,
                           String bootstrapServers) {

        /** The settings as {@code epicall dialer} takes them. */
        Map<String, Object> springProperties() {
            Path dir = directory.toAbsolutePath();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("server.port", 0);
            p.put("epicall.dialer.servers[0].name", "pbx-sim");
            p.put("epicall.dialer.servers[0].host", "127.0.0.1");
            p.put("epicall.dialer.servers[0].ami-port", amiPort);
            p.put("epicall.dialer.servers[0].username", EmbeddedPbx.AMI_USER);
            p.put("epicall.dialer.servers[0].secret", EmbeddedPbx.AMI_SECRET);
            p.put("epicall.dialer.servers[0].max-channels", maxChannels);
            p.put("epicall.dialer.servers[0].dial-template", EmbeddedPbx.DIAL_TEMPLATE);
            p.put("epicall.dialer.agi.bind-address", "127.0.0.1");
            p.put("epicall.dialer.agi.port", 0);
            p.put("epicall.dialer.recordings-dir", dir.resolve("recordings"));
            p.put("epicall.dialer.ledger-dir", dir);
            p.put("epicall.dialer.outbox-dir", dir.resolve("outbox"));
            p.put("epicall.dialer.calls-per-second", callsPerSecond);
            p.put("epicall.dialer.shutdown-grace", "5s");
            p.put("epicall.dialer.kafka.bootstrap-servers", bootstrapServers);
            p.put("epicall.dialer.speech.languages[0]", "ko");
            return p;
        }
    }

    /** Starts the node; returns once its model is loaded and it is connecting to the simulator. */
    public static EmbeddedDialer start(Settings settings) {
        // As command-line arguments, so they win over any epicall-dialer.yaml in the working directory.
        String[] args = settings.springProperties().entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new EmbeddedDialer(DialerApplication.start(args));
    }

    public DialerService service() {
        return context.getBean(DialerService.class);
    }

    /** The models it loaded and the recognition pool its calls use. */
    public LoadedSpeech speech() {
        return context.getBean(LoadedSpeech.class);
    }

    /** The port its FastAGI server listens on (it binds a free one). */
    public int agiPort() {
        return service().node().agiPort();
    }

    /** The port of its health and metrics endpoints. */
    public int port() {
        return context instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
    }

    /** Stops the node as SIGTERM would: stop taking, finish or report the calls, flush the outbox. */
    @Override
    public void close() {
        context.close();
    }
}
