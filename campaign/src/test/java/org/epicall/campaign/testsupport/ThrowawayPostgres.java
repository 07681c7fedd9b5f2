package org.epicall.campaign.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own for one test class: initdb and pg_ctl from the Debian packages
 * into a temporary directory, on a free port, as the {@code postgres} user when running as root
 * (PostgreSQL refuses to run as root).
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private static final Path PACKAGES = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path base;
    private final int port;

    private ThrowawayPostgres(Path bin, Path base, int port) {
        this.bin = bin;
        this.base = base;
        this.port = port;
    }

    /** Why a cluster cannot be started here, or empty if it can. */
    public static Optional<String> unavailableBecause() {
        if (binDir().isEmpty()) {
            return Optional.of("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb);"
                    + " run bin/install-test-deps");
        }
        if (isRoot() && !Files.isExecutable(Path.of("/usr/sbin/runuser")) && !Files.isExecutable(Path.of("/sbin/runuser"))) {
            return Optional.of("running as root without runuser: PostgreSQL cannot be started as root");
        }
        return Optional.empty();
    }

    public static ThrowawayPostgres start() throws IOException, InterruptedException {
        Path bin = binDir().orElseThrow();
        Path base = Files.createTempDirectory("epicall-pg-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ThrowawayPostgres postgres = new ThrowawayPostgres(bin, base, port);
        postgres.run("initdb", "-D", base.resolve("data").toString(), "-U", "epicall", "--auth=trust", "-E", "UTF8",
                "--no-sync");
        postgres.run("pg_ctl", "-D", base.resolve("data").toString(), "-l", base.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + base + " -c listen_addresses=127.0.0.1 -c fsync=off", "-w", "start");
        postgres.run("createdb", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "epicall", "epicall");
        return postgres;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/epicall";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("pg_ctl", "-D", base.resolve("data").toString(), "-m", "fast", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(base)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(tool + " failed: " + output);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Optional<Path> binDir() {
        if (!Files.isDirectory(PACKAGES)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(PACKAGES)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
