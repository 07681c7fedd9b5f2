package org.epicall.dialer.support;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.epicall.dialer.DialerConfig;
import org.epicall.dialer.DialerNode;
import org.epicall.dialer.agi.AgiConfig;
import org.epicall.dialer.agi.SurveyScripts;
import org.epicall.dialer.ami.AmiServerConfig;
import org.epicall.dialer.ami.Backoff;
import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.epicall.pbx.sound.MissingSounds;

/** A PBX simulator and a dialer node wired to it over real TCP (AMI and FastAGI). */
public final class DialerFixture implements AutoCloseable {

    public static final double TIME_SCALE = 50;

    static {
        // asterisk-java's reader thread throws "Failed to shutdown AsyncEventPump cleanly" when a
        // connection dies during its login; that is the library tidying up a failed connect, not a
        // dialer failure, and must not fail whichever await happens to be running
        org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    public final PbxSimulator pbx;
    public final RecordingSink sink = new RecordingSink();
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final int agiPort;
    /** The dialer reaches the simulator's AMI through this relay, so tests can cut or corrupt it. */
    public final TcpProxy amiProxy;
    public final Path dir;
    private final SurveyScripts scripts;
    private final UnaryOperator<DialerConfig> tweak;
    private DialerNode node;

    public DialerFixture(Path dir, List<Resident> residents, SurveyScripts scripts) {
        this(dir, residents, scripts, UnaryOperator.identity());
    }

    public DialerFixture(Path dir, List<Resident> residents, SurveyScripts scripts, UnaryOperator<DialerConfig> tweak) {
        this(dir, residents, scripts, tweak, TIME_SCALE);
    }

    /**
     * @param timeScale how much faster than real time the simulator runs; the dialer's own timers
     *                  (response grace, reconnect) always run in real time
     */
    public DialerFixture(Path dir, List<Resident> residents, SurveyScripts scripts, UnaryOperator<DialerConfig> tweak,
            double timeScale) {
        this(dir, residents, scripts, tweak, timeScale, true);
    }

    /**
     * @param agiReachable false to point the simulator's survey context at a port nobody listens on,
     *                     as when the dialer's FastAGI server is down (reference ami-16)
     */
    public DialerFixture(Path dir, List<Resident> residents, SurveyScripts scripts, UnaryOperator<DialerConfig> tweak,
            double timeScale, boolean agiReachable) {
        this(dir, residents, scripts, tweak, pbx -> pbx.timeScale(timeScale)
                .agi(URI.create("agi://127.0.0.1:" + (agiReachable ? pbx.agiPort() : Ports.free()) + "/survey")));
    }

    /**
     * The simulator as {@code pbxTweak} makes it, from a builder with the residents, a time scale of
     * {@value #TIME_SCALE}, the survey context reaching this fixture's FastAGI port, and the dialer's prompts
     * played as silence (they are not installed; {@code missingSounds(FAIL)} makes them missing, as on an
     * Asterisk without them).
     */
    public DialerFixture(Path dir, List<Resident> residents, SurveyScripts scripts, UnaryOperator<DialerConfig> tweak,
            PbxTweak pbxTweak) {
        this.dir = dir;
        this.scripts = scripts;
        this.tweak = tweak;
        this.agiPort = Ports.free();
        PbxBuilder builder = new PbxBuilder(PbxConfig.builder()
                .timeScale(TIME_SCALE)
                .agi(URI.create("agi://127.0.0.1:" + agiPort + "/survey"))
                .missingSounds(MissingSounds.PLAY)
                .residents(ResidentDirectory.of(residents)), agiPort);
        this.pbx = PbxSimulator.start(pbxTweak.apply(builder).config().build());
        this.amiProxy = new TcpProxy("127.0.0.1", pbx.amiPort());
        this.node = startNode();
    }

    /** Changes the simulator's configuration before it starts. */
    @FunctionalInterface
    public interface PbxTweak {
        PbxBuilder apply(PbxBuilder builder);
    }

    /** The simulator's builder, with the FastAGI port the dialer listens on. */
    public record PbxBuilder(PbxConfig.Builder config, int agiPort) {

        public PbxBuilder timeScale(double factor) {
            config.timeScale(factor);
            return this;
        }

        public PbxBuilder agi(URI url) {
            config.agi(url);
            return this;
        }

        public PbxBuilder with(UnaryOperator<PbxConfig.Builder> change) {
            change.apply(config);
            return this;
        }
    }

    public DialerNode node() {
        return node;
    }

    public DialerConfig config() {
        AmiServerConfig server = AmiServerConfig.of("sim-1", "127.0.0.1", amiProxy.port(), "dialer-min", "secret", 500,
                "Local/{number}@residents");
        DialerConfig config = DialerConfig.defaults(List.of(server), dir.resolve("ledger.log"),
                        dir.resolve("recordings"))
                .withCallsPerSecond(200)
                .withReconnect(new Backoff(Duration.ofMillis(50), Duration.ofMillis(500), 2))
                .withAgi(AgiConfig.defaults(dir.resolve("recordings")).withEndpoint("127.0.0.1", agiPort));
        return tweak.apply(config);
    }

    /** Stops the node (as a crash would leave the ledger) and starts a new one on the same ledger. */
    public DialerNode restartNode() {
        node.close();
        node = startNode();
        return node;
    }

    /** Stops the node, lets {@code whileStopped} change what it left on disk, and starts a new one. */
    public DialerNode restartNode(Runnable whileStopped) {
        node.close();
        whileStopped.run();
        node = startNode();
        return node;
    }

    private DialerNode startNode() {
        return DialerNode.start(config(), sink, scripts, meters);
    }

    @Override
    public void close() {
        node.close();
        amiProxy.close();
        pbx.close();
    }
}
