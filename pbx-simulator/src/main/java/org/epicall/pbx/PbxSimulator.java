package org.epicall.pbx;

import org.epicall.pbx.agi.AgiSettings;
import org.epicall.pbx.agi.AgiSurveyRunner;
import org.epicall.pbx.ami.AmiServer;
import org.epicall.pbx.call.CallEngine;
import org.epicall.pbx.call.CallListener;
import org.epicall.pbx.call.Dialplan;
import org.epicall.pbx.call.Channel;
import org.epicall.pbx.sound.Sounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * A running PBX simulator: an AMI server on TCP that places simulated calls to residents and, once they
 * answer, connects to the dialer's FastAGI server as Asterisk does. Thread-safe; close it to stop.
 *
 * <pre>{@code
 * try (PbxSimulator pbx = PbxSimulator.start(PbxConfig.builder()
 *         .agi(URI.create("agi://127.0.0.1:4573/survey"))
 *         .residents(PersonaFile.load(Path.of("personas.yaml")))
 *         .timeScale(50)
 *         .build())) {
 *     int port = pbx.amiPort();   // log in as dialer / secret
 * }
 * }</pre>
 */
public final class PbxSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PbxSimulator.class);
    /** How long a simulated resident takes to press a key (simulated time). */
    private static final Duration KEYPRESS = Duration.ofSeconds(1);

    private final PbxConfig config;
    private final AmiServer ami;
    private final CallEngine engine;
    private final AgiSurveyRunner agi;

    private PbxSimulator(PbxConfig config, AmiServer ami, CallEngine engine, AgiSurveyRunner agi) {
        this.config = config;
        this.ami = ami;
        this.engine = engine;
        this.agi = agi;
    }

    /**
     * Binds the AMI port and starts accepting.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static PbxSimulator start(PbxConfig config) {
        return start(config, CallListener.NONE);
    }

    /**
     * As {@link #start(PbxConfig)}, telling {@code observer} too of everything that happens to channels (e.g.
     * {@link org.epicall.pbx.call.CallDetailRecords}).
     */
    public static PbxSimulator start(PbxConfig config, CallListener observer) {
        AmiServer ami;
        try {
            ami = new AmiServer(config.bindAddress(), config.amiPort(), config.users(), config.maxQueuedPerSession());
        } catch (IOException e) {
            throw new UncheckedIOException("PBX simulator cannot listen on " + config.bindAddress() + ":"
                    + config.amiPort() + ": " + e.getMessage(), e);
        }
        Sounds sounds = new Sounds(config.soundsDirectory(), config.missingSounds(), config.promptDuration());
        CallEngine engine = new CallEngine(
                new CallEngine.Settings(config.timeScale(), config.maxCalls(), config.maxLoad(), config.loadAverage(),
                        config.failureOrder(), sounds),
                config.dialplan(), config.residents(),
                observer == CallListener.NONE ? ami.events() : CallListener.both(ami.events(), observer));
        AgiSurveyRunner agi = new AgiSurveyRunner(new AgiSettings(config.agiConnectTimeout(), sounds, KEYPRESS,
                config.asteriskUser()));
        engine.surveyRunner(agi);
        ami.start(engine);
        log.info("PBX simulator: AMI on {}:{}, {} residents, time scale {}", config.bindAddress(), ami.port(),
                config.residents().size(), config.timeScale().factor());
        return new PbxSimulator(config, ami, engine, agi);
    }

    public int amiPort() {
        return ami.port();
    }

    public InetSocketAddress amiAddress() {
        return ami.address();
    }

    public PbxConfig config() {
        return config;
    }

    /**
     * Replaces the dialplan, as {@code dialplan reload} does on Asterisk: calls answered from now on run
     * the new one. An embedded stack starts the simulator, then the dialer on a port the system chose,
     * then points the survey context at it.
     */
    public void reloadDialplan(Dialplan dialplan) {
        engine.reloadDialplan(dialplan);
        log.info("PBX simulator: dialplan reloaded");
    }

    /** Originated calls in progress. */
    public int activeCalls() {
        return engine.activeCalls();
    }

    /** Dialplan threads running: what Asterisk counts against maxcalls. */
    public int pbxThreads() {
        return engine.pbxThreads();
    }

    /** Calls that have ended since start. */
    public long callsProcessed() {
        return engine.callsProcessed();
    }

    /** The live channels, oldest first. */
    public List<Channel> channels() {
        return engine.channels();
    }

    /** FastAGI sessions open to the dialer right now. */
    public int liveAgiSessions() {
        return agi.liveSessions();
    }

    /** Open AMI connections. */
    public int amiConnections() {
        return ami.connections();
    }

    @Override
    public void close() {
        ami.close();
        agi.close();
        engine.close();
    }
}
