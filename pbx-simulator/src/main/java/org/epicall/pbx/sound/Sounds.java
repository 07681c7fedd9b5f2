package org.epicall.pbx.sound;

import org.epicall.pbx.audio.Pcm;
import org.epicall.pbx.audio.Wav;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sound files the simulated Asterisk can play, as its sounds directory would hold them: a name such as
 * {@code epicall/covid/ko/intro} is found as {@code <name>.wav} or {@code <name>.sln} (absolute, or under the
 * sounds directory), or among the Asterisk core sounds the reference transcripts played (with the lengths they
 * had there). A name found nowhere is missing: STREAM FILE answers {@code 200 result=-1 endpos=0} at once, as
 * Asterisk 22 does (agi-23), unless {@link MissingSounds#PLAY} asks for the old stand-in. Thread-safe.
 */
public final class Sounds {

    /** Asterisk core sounds seen in the reference transcripts, with their lengths there (endpos / 8000). */
    private static final Map<String, Duration> CORE = Map.of(
            "beep", samples(3404),
            "hello-world", samples(11234),
            "goodbye", samples(7459),
            "tt-weasels", Duration.ofMillis(2950),
            "hello", Duration.ofMillis(790),
            "demo-congrats", Duration.ofSeconds(30));
    private static final Pattern SILENCE = Pattern.compile("silence/(\\d{1,2})");

    private final Path directory;
    private final MissingSounds missing;
    private final Duration standIn;
    private final Map<String, Optional<Duration>> known = new ConcurrentHashMap<>();

    /**
     * @param directory where relative names resolve (Asterisk's {@code astdatadir/sounds/<lang>})
     * @param missing   what a name that is nowhere does
     * @param standIn   how long a missing sound plays under {@link MissingSounds#PLAY} (simulated time)
     */
    public Sounds(Path directory, MissingSounds missing, Duration standIn) {
        this.directory = directory;
        this.missing = missing;
        this.standIn = standIn;
    }

    /**
     * How long the sound plays, or empty if Asterisk would not find it ({@code File <name> does not exist in any
     * format}). Several names joined by {@code &} play one after the other; one missing makes the whole missing.
     */
    public Optional<Duration> length(String name) {
        Duration total = Duration.ZERO;
        for (String part : name.split("&")) {
            Optional<Duration> one = known.computeIfAbsent(part.trim(), this::find);
            if (one.isEmpty()) {
                return missing == MissingSounds.PLAY ? Optional.of(standIn) : Optional.empty();
            }
            total = total.plus(one.get());
        }
        return Optional.of(total);
    }

    /** Where a relative recording or sound path lands. */
    public Path resolve(String file) {
        return directory.resolve(file);
    }

    private Optional<Duration> find(String name) {
        Duration core = CORE.get(name);
        if (core != null) {
            return Optional.of(core);
        }
        Matcher silence = SILENCE.matcher(name);
        if (silence.matches()) {
            return Optional.of(Duration.ofSeconds(Integer.parseInt(silence.group(1))));
        }
        try {
            Path base = directory.resolve(name);
            Path wav = base.resolveSibling(base.getFileName() + ".wav");
            Path sln = base.resolveSibling(base.getFileName() + ".sln");
            if (Files.isRegularFile(wav)) {
                return Optional.of(Wav.read(wav).duration());
            }
            if (Files.isRegularFile(sln)) {
                return Optional.of(Duration.ofNanos(Files.size(sln) / 2 * 1_000_000_000L / Pcm.SAMPLE_RATE));
            }
        } catch (IOException | IllegalArgumentException e) {
            // a file Asterisk cannot decode plays nothing either
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Duration samples(long count) {
        return Duration.ofNanos(count * 1_000_000_000L / Pcm.SAMPLE_RATE);
    }
}
