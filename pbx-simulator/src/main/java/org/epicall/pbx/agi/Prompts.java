package org.epicall.pbx.agi;

import org.epicall.pbx.audio.Pcm;
import org.epicall.pbx.audio.Wav;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long a prompt plays: the length of {@code <name>.wav} (or {@code .sln}) if the file exists, absolute or
 * under the sounds directory, else a fixed length, since the simulator has no Asterisk sound files. Thread-safe.
 */
final class Prompts {

    private final Path soundsDirectory;
    private final Duration defaultDuration;
    private final Map<String, Duration> known = new ConcurrentHashMap<>();

    Prompts(Path soundsDirectory, Duration defaultDuration) {
        this.soundsDirectory = soundsDirectory;
        this.defaultDuration = defaultDuration;
    }

    Duration duration(String name) {
        return known.computeIfAbsent(name, this::measure);
    }

    private Duration measure(String name) {
        try {
            Path base = soundsDirectory.resolve(name);
            Path wav = base.resolveSibling(base.getFileName() + ".wav");
            Path sln = base.resolveSibling(base.getFileName() + ".sln");
            if (Files.isRegularFile(wav)) {
                return Wav.read(wav).duration();
            }
            if (Files.isRegularFile(sln)) {
                return Duration.ofNanos(Files.size(sln) / 2 * 1_000_000_000L / Pcm.SAMPLE_RATE);
            }
            if (name.endsWith(".wav") && Files.isRegularFile(base)) {
                return Wav.read(base).duration();
            }
        } catch (IOException | RuntimeException e) {
            return defaultDuration;
        }
        return defaultDuration;
    }

    Path resolve(String file) {
        return soundsDirectory.resolve(file);
    }
}
