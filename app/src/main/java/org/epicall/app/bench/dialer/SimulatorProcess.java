package org.epicall.app.bench.dialer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.epicall.dialer.agi.AgiConfig;
import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.ami.AmiUser;
import org.epicall.pbx.call.Dialplan;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.epicall.pbx.sound.MissingSounds;

/**
 * The PBX simulator in a JVM of its own, so that the benchmark's memory figures are the dialer's
 * alone. {@link #main} runs in the child: it prints {@code AMI_PORT=<port>} and serves until its
 * standard input closes.
 */
final class SimulatorProcess implements AutoCloseable {

    /** Answers busy at once: every originate is one OriginateResponse round trip. */
    static final String BUSY = "+821099990002";
    /** Answers at once and never speaks or keys anything: the call stays until the dialer ends it. */
    static final String SILENT = "+821099990001";

    private final Process process;
    private final int amiPort;

    private SimulatorProcess(Process process, int amiPort) {
        this.process = process;
        this.amiPort = amiPort;
    }

    /** @param log where the child's logging goes (its standard error), appended */
    static SimulatorProcess start(Path log) {
        ProcessBuilder builder = new ProcessBuilder(command())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Process process = builder.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("AMI_PORT=")) {
                    return new SimulatorProcess(process, Integer.parseInt(line.substring("AMI_PORT=".length())));
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("the simulator process ended before it reported its AMI port");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulator process: " + e.getMessage(), e);
        }
    }

    /**
     * The child's command line: the same class path, or, from the Spring Boot executable jar
     * ({@code epicall.jar}), Boot's PropertiesLauncher pointed at this class.
     */
    private static List<String> command() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        if (isBootJar(classPath)) {
            return List.of(java, "-Xmx2g", "-cp", classPath, "-Dloader.main=" + SimulatorProcess.class.getName(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher");
        }
        return List.of(java, "-Xmx2g", "-cp", classPath, SimulatorProcess.class.getName());
    }

    private static boolean isBootJar(String classPath) {
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/") != null || jar.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            return false;
        }
    }

    int amiPort() {
        return amiPort;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws IOException {
        // the deployment's event filter (deploy/asterisk/manager.conf) for both the dialer and the raw client, so
        // that both read what a production Asterisk sends them
        List<String> eventFilter = List.of("Event: OriginateResponse", "Event: HangupRequest", "Event: Hangup");
        PbxConfig config = PbxConfig.builder()
                .users(List.of(AmiUser.fullRights("dialer", "secret").withEventFilters(eventFilter),
                        AmiUser.minimal("dialer-min", "secret").withEventFilters(eventFilter)))
                // as deploy/asterisk/extensions.conf: each answered call runs the FastAGI URL its Originate names,
                // so every node of the run listens on a port of its own choosing
                .dialplan(Dialplan.survey("${" + AgiConfig.URL_VARIABLE + "}"))
                // the benchmark installs no prompts: a call plays silence where they would be, as it would play them
                .missingSounds(MissingSounds.PLAY)
                .residents(ResidentDirectory.of(List.of(Resident.of(BUSY, Behaviour.BUSY),
                        Resident.of(SILENT, Behaviour.SILENT))))
                .maxCalls(30_000)
                .agiConnectTimeout(Duration.ofSeconds(10))
                .build();
        try (PbxSimulator pbx = PbxSimulator.start(config)) {
            System.out.println("AMI_PORT=" + pbx.amiPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our stdin
            }
        }
    }
}
