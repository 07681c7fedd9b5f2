package org.epicall.app.demo.stack;

import java.nio.file.Path;
import java.util.Collection;

import org.epicall.dialer.agi.AgiConfig;
import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.call.Dialplan;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;

/**
 * The PBX simulator standing in for Asterisk: real AMI on a free local port, and FastAGI to the
 * dialer's survey server once a resident answers. A prompt not in its sounds directory fails as on
 * Asterisk 22: the demo renders the campaign's prompts there before it starts the campaign.
 */
public final class EmbeddedPbx implements AutoCloseable {

    /** The AMI user the dialer logs in as: the minimal rights a production dialer gets. */
    public static final String AMI_USER = "dialer-min";
    public static final String AMI_SECRET = "secret";
    /** How the dialer reaches a resident through the simulator's dialplan. */
    public static final String DIAL_TEMPLATE = "Local/{number}@residents";

    private final PbxSimulator simulator;

    private EmbeddedPbx(PbxSimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * @param residents    who answers which number, and how
     * @param timeScale    how much faster than real time calls run
     * @param soundsDirectory where relative recording paths resolve
     */
    public static EmbeddedPbx start(Collection<Resident> residents, double timeScale, Path soundsDirectory) {
        // As deploy/asterisk/extensions.conf: each call runs the FastAGI URL its Originate names, so the
        // dialer can listen on whatever port it was given.
        return new EmbeddedPbx(PbxSimulator.start(PbxConfig.builder()
                .timeScale(timeScale)
                .dialplan(Dialplan.survey("${" + AgiConfig.URL_VARIABLE + "}"))
                .residents(ResidentDirectory.of(residents))
                .soundsDirectory(soundsDirectory)
                .build()));
    }

    public int amiPort() {
        return simulator.amiPort();
    }

    public int activeCalls() {
        return simulator.activeCalls();
    }

    /** The channels up right now (name {@code Local/<number>@residents-…;1} for a call to a resident). */
    public java.util.List<org.epicall.pbx.call.Channel> channels() {
        return simulator.channels();
    }

    public long callsProcessed() {
        return simulator.callsProcessed();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
