package org.epicall.pbx.load;

import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.PbxSimulator;
import org.epicall.pbx.call.Dialplan;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * Measures the simulator by hand (not part of the build): the Originate rate it sustains with short calls, and
 * whether it carries a given number of concurrent calls that each hold a FastAGI session, with the heap they
 * take. Prints one figure a line as {@code name: value unit}.
 */
public final class CapacityCheck {

    /**
     * @param rate       Originates per second to fire in the rate phase
     * @param seconds    how long the rate phase fires
     * @param concurrent how many calls to hold at once in the concurrency phase
     */
    public record Settings(double rate, int seconds, int concurrent) {
    }

    private CapacityCheck() {
    }

    public static void run(Settings settings, PrintStream out) throws Exception {
        int residentCount = Math.max(settings.concurrent(), (int) (settings.rate() * settings.seconds())) + 1;
        List<Resident> residents = new ArrayList<>(residentCount);
        for (int i = 0; i < residentCount; i++) {
            residents.add(Resident.of(number(i), Behaviour.ANSWER));
        }
        ResidentDirectory directory = ResidentDirectory.of(residents);
        out.printf(Locale.ROOT, "cpus: %d cores%n", Runtime.getRuntime().availableProcessors());
        ratePhase(settings, directory, out);
        concurrencyPhase(settings, directory, out);
    }

    private static String number(int i) {
        return "+8210" + String.format(Locale.ROOT, "%08d", i);
    }

    private static void ratePhase(Settings settings, ResidentDirectory residents, PrintStream out) throws Exception {
        Dialplan dialplan = new Dialplan(Map.of("short", Dialplan.Context.of(Dialplan.App.playback("silence/1"),
                Dialplan.App.hangup())), Map.of(),
                Set.of("residents"), Set.of("trunk"));
        try (PbxSimulator pbx = PbxSimulator.start(PbxConfig.builder().dialplan(dialplan).residents(residents)
                .maxCalls(100_000).build());
             RawAmiLoadClient client = RawAmiLoadClient.connect("127.0.0.1", pbx.amiPort(), "dialer", "secret")) {
            // A first, unreported run warms the JIT up, as a long-running simulator would be.
            try (RawAmiLoadClient warmup = RawAmiLoadClient.connect("127.0.0.1", pbx.amiPort(), "dialer", "secret")) {
                warmup.run(new RawAmiLoadClient.Plan(settings.rate(), Duration.ofSeconds(3), 0,
                        n -> "Local/" + number(n) + "@residents", "short", Duration.ofSeconds(30),
                        Duration.ofSeconds(30)));
            }
            LoadReport report = client.run(new RawAmiLoadClient.Plan(settings.rate(),
                    Duration.ofSeconds(settings.seconds()), 0, n -> "Local/" + number(n) + "@residents", "short",
                    Duration.ofSeconds(30), Duration.ofSeconds(30)));
            out.print(report.format("rate phase "));
        }
    }

    private static void concurrencyPhase(Settings settings, ResidentDirectory residents, PrintStream out)
            throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Process agiProcess = startHoldingAgiServer(Duration.ofMinutes(10));
        try {
            int agiPort = readPort(agiProcess);
            try (PbxSimulator pbx = PbxSimulator.start(PbxConfig.builder()
                         .dialplan(Dialplan.survey(URI.create("agi://127.0.0.1:" + agiPort + "/hold")))
                         .agiConnectTimeout(Duration.ofSeconds(10))
                         .residents(residents).maxCalls(100_000).build());
                 RawAmiLoadClient client = RawAmiLoadClient.connect("127.0.0.1", pbx.amiPort(), "dialer", "secret")) {
                System.gc();
                long heapBefore = memory.getHeapMemoryUsage().getUsed();
                long start = System.nanoTime();
                LoadReport report = client.run(new RawAmiLoadClient.Plan(settings.rate(), Duration.ofHours(1),
                        settings.concurrent(), n -> "Local/" + number(n) + "@residents", "survey",
                        Duration.ofSeconds(30), Duration.ofSeconds(60)));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (pbx.liveAgiSessions() < settings.concurrent() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.gc();
                long heapAfter = memory.getHeapMemoryUsage().getUsed();
                out.print(report.format("concurrency phase "));
                out.printf(Locale.ROOT, "concurrent calls up: %d calls%n", pbx.activeCalls());
                out.printf(Locale.ROOT, "concurrent channels: %d channels%n", pbx.channels().size());
                out.printf(Locale.ROOT, "concurrent FastAGI sessions: %d sessions%n", pbx.liveAgiSessions());
                out.printf(Locale.ROOT, "time to reach them: %.1f s%n", seconds);
                out.printf(Locale.ROOT, "simulator heap per live call: %.1f KiB%n",
                        (heapAfter - heapBefore) / 1024.0 / Math.max(1, pbx.activeCalls()));
            }
        } finally {
            agiProcess.destroy();
        }
    }

    /**
     * Starts the holding FastAGI server in a child JVM with this class path; from the Spring Boot executable jar
     * (epicall.jar) through Boot's PropertiesLauncher, since its classes sit in nested jars.
     */
    private static Process startHoldingAgiServer(Duration hold) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        List<String> command = isBootJar(classPath)
                ? List.of(javaBin, "-cp", classPath, "-Dloader.main=" + HoldingAgiServer.class.getName(),
                        "org.springframework.boot.loader.launch.PropertiesLauncher", String.valueOf(hold.toSeconds()))
                : List.of(javaBin, "-cp", classPath, HoldingAgiServer.class.getName(), String.valueOf(hold.toSeconds()));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static boolean isBootJar(String classPath) {
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static int readPort(Process process) throws IOException {
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.startsWith("AGI_PORT=")) {
                return Integer.parseInt(line.substring("AGI_PORT=".length()).trim());
            }
        }
        throw new IOException("the holding FastAGI server process did not start");
    }
}
