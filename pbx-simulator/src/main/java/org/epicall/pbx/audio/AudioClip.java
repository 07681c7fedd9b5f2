package org.epicall.pbx.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A resident's recorded answer, loaded on first use and then kept. Thread-safe.
 */
public final class AudioClip {

    private final String location;
    private final Loader loader;
    private volatile Pcm pcm;

    private AudioClip(String location, Loader loader) {
        this.location = location;
        this.loader = loader;
    }

    public static AudioClip file(Path file) {
        return new AudioClip(file.toString(), () -> Wav.read(file));
    }

    /** A clip inside the class path, e.g. {@code corpus/en/fever-no-01.wav}. */
    public static AudioClip classpath(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        return new AudioClip("classpath:" + name, () -> {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("classpath:" + name + ": no such resource");
                }
                return Wav.read(in, "classpath:" + name);
            }
        });
    }

    public static AudioClip of(String location, Pcm pcm) {
        AudioClip clip = new AudioClip(location, () -> pcm);
        clip.pcm = Objects.requireNonNull(pcm);
        return clip;
    }

    /**
     * The clip's audio.
     *
     * @throws UncheckedIOException if the file is missing or not 8 kHz mono 16-bit PCM
     */
    public Pcm pcm() {
        Pcm loaded = pcm;
        if (loaded == null) {
            try {
                loaded = loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
            pcm = loaded;
        }
        return loaded;
    }

    public String location() {
        return location;
    }

    @Override
    public String toString() {
        return location;
    }

    @FunctionalInterface
    private interface Loader {
        Pcm load() throws IOException;
    }
}
