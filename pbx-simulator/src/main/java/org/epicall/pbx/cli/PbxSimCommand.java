package org.epicall.pbx.cli;

import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.ami.AmiUser;
import org.epicall.pbx.ami.ManagerConf;
import org.epicall.pbx.call.CallDetailRecords;
import org.epicall.pbx.call.CallListener;
import org.epicall.pbx.call.Dialplan;
import org.epicall.pbx.call.FailureEventOrder;
import org.epicall.pbx.load.CapacityCheck;
import org.epicall.pbx.resident.PersonaFile;
import org.epicall.pbx.resident.PersonaFileException;
import org.epicall.pbx.resident.ResidentDirectory;
import org.epicall.pbx.resident.ResidentPopulation;
import org.epicall.pbx.sound.MissingSounds;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code epicall pbx-sim}: runs the PBX simulator standalone until interrupted. */
@Command(name = "pbx-sim", mixinStandardHelpOptions = true,
        description = "Run the PBX simulator: AMI on TCP, simulated residents, FastAGI to the dialer.",
        subcommands = PbxSimCommand.Capacity.class)
public final class PbxSimCommand implements Callable<Integer> {

    @Option(names = "--ami-port", defaultValue = "5038", description = "AMI TCP port; 0 picks a free one (default ${DEFAULT-VALUE}).")
    int amiPort;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--agi", defaultValue = "agi://127.0.0.1:4573/survey",
            description = "What the 'survey' context runs AGI with: a FastAGI URL, or $${EPICALL_AGI} to send each "
                    + "answered call to the dialer node that placed it, as deploy/asterisk/extensions.conf does "
                    + "(default ${DEFAULT-VALUE}).")
    String agi;

    @Option(names = "--cdr", description = "Append a CSV line per finished call to this file (start, answer, end, "
            + "channel, uniqueid, cause), as Asterisk's cdr-csv Master.csv.")
    Path cdr;

    @Option(names = "--personas", description = "Persona file (YAML) with the residents.")
    Path personas;

    @Option(names = "--population", defaultValue = "0",
            description = "Also generate this many residents from the speech corpus (default ${DEFAULT-VALUE}).")
    int population;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for --population (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time-scale", defaultValue = "1", description = "Run calls this many times faster than real time (default ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(names = "--max-calls", defaultValue = "20000",
            description = "asterisk.conf maxcalls: dialplan threads at once, 0 for no limit; a Local call answered "
                    + "into a context uses two (default ${DEFAULT-VALUE}).")
    int maxCalls;

    @Option(names = "--max-load", defaultValue = "0",
            description = "asterisk.conf maxload: refuse new calls while the load average is at or above it, 0 for "
                    + "no limit (default ${DEFAULT-VALUE}).")
    double maxLoad;

    @Option(names = "--failure-order", defaultValue = "VARIED",
            description = "Where a failed Originate's OriginateResponse falls among its hangup events: "
                    + "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    FailureEventOrder failureOrder;

    @Option(names = "--sounds", defaultValue = "",
            description = "Directory of the sound files STREAM FILE plays (<name>.wav or .sln), as Asterisk's sounds "
                    + "directory (default: the working directory).")
    Path sounds;

    @Option(names = "--missing-sounds", defaultValue = "FAIL",
            description = "A sound file that does not exist: FAIL (as Asterisk: result=-1) or PLAY (1.5 s of "
                    + "silence) (default ${DEFAULT-VALUE}).")
    MissingSounds missingSounds;

    @Option(names = "--user", description = "AMI user as name:secret[:read[:write]] (repeatable; default dialer:secret:all:all and dialer-min:secret:call,agi:originate).")
    List<String> users = new ArrayList<>();

    @Option(names = "--manager-conf", description = "Take the AMI users (secret, read, write, eventfilter) from this "
            + "manager.conf, e.g. deploy/asterisk/manager.conf; --user adds more.")
    Path managerConf;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PbxConfig config;
        try {
            config = config();
        } catch (PersonaFileException | IllegalArgumentException | UncheckedIOException e) {
            spec.commandLine().getErr().println("pbx-sim: " + e.getMessage());
            return 2;
        }
        PbxSimulator pbx;
        CallDetailRecords records;
        try {
            records = cdr == null ? null : CallDetailRecords.appendingTo(cdr);
            pbx = PbxSimulator.start(config, records == null ? CallListener.NONE : records);
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("pbx-sim: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pbx.close();
            if (records != null) {
                records.close();
            }
            stopped.countDown();
        }));
        spec.commandLine().getOut().printf("PBX simulator ready: AMI on %s:%d, %d residents, FastAGI %s, time scale %s%n",
                bind, pbx.amiPort(), config.residents().size(), agi, timeScale);
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    PbxConfig config() {
        List<org.epicall.pbx.resident.Resident> residents = new ArrayList<>();
        if (personas != null) {
            residents.addAll(PersonaFile.load(personas).residents());
        }
        if (population > 0) {
            ResidentPopulation.Settings realistic = ResidentPopulation.Settings.realistic(population, seed);
            residents.addAll(ResidentPopulation.generate(realistic));
        }
        PbxConfig.Builder builder = PbxConfig.builder()
                .bindAddress(bind)
                .amiPort(amiPort)
                .timeScale(timeScale)
                .maxCalls(maxCalls)
                .maxLoad(maxLoad)
                .failureOrder(failureOrder)
                .soundsDirectory(sounds)
                .missingSounds(missingSounds)
                .dialplan(Dialplan.survey(agi))
                .residents(ResidentDirectory.of(residents));
        List<AmiUser> amiUsers = new ArrayList<>();
        if (managerConf != null) {
            amiUsers.addAll(ManagerConf.users(managerConf));
        }
        users.stream().map(PbxSimCommand::user).forEach(amiUsers::add);
        if (!amiUsers.isEmpty()) {
            builder.users(amiUsers);
        }
        return builder.build();
    }

    static AmiUser user(String spec) {
        String[] parts = spec.split(":");
        if (parts.length < 2 || parts.length > 4) {
            throw new IllegalArgumentException("--user '" + spec + "' must be name:secret[:read[:write]]");
        }
        return new AmiUser(parts[0], parts[1], parts.length > 2 ? parts[2] : "all", parts.length > 3 ? parts[3] : "all");
    }

    /** {@code epicall pbx-sim capacity}: the hand-run capacity check. */
    @Command(name = "capacity", mixinStandardHelpOptions = true,
            description = "Measure the simulator: sustained Originate rate and concurrent calls with FastAGI.")
    static final class Capacity implements Callable<Integer> {

        @Option(names = "--rate", defaultValue = "2000", description = "Originates per second (default ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--seconds", defaultValue = "10", description = "Length of the rate phase (default ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--concurrent", defaultValue = "10000", description = "Calls held at once (default ${DEFAULT-VALUE}).")
        int concurrent;

        @Override
        public Integer call() throws Exception {
            CapacityCheck.run(new CapacityCheck.Settings(rate, seconds, concurrent), System.out);
            return 0;
        }
    }
}
