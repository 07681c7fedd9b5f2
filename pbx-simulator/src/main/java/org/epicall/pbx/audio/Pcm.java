package org.epicall.pbx.audio;

import java.time.Duration;
import java.util.Arrays;

/**
 * Telephone audio as Asterisk records it: 8 kHz, mono, signed 16-bit little-endian samples.
 * Immutable; {@code bytes} is copied in and never handed out.
 */
public final class Pcm {

    public static final int SAMPLE_RATE = 8000;
    static final int BYTES_PER_SAMPLE = 2;

    private final byte[] bytes;

    private Pcm(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Pcm of(byte[] littleEndianSamples) {
        if (littleEndianSamples.length % BYTES_PER_SAMPLE != 0) {
            throw new IllegalArgumentException("16-bit PCM needs an even byte count, got " + littleEndianSamples.length);
        }
        return new Pcm(littleEndianSamples.clone());
    }

    public static Pcm silence(Duration length) {
        return new Pcm(new byte[(int) samplesIn(length) * BYTES_PER_SAMPLE]);
    }

    public static long samplesIn(Duration length) {
        return Math.max(0, length.toNanos() * SAMPLE_RATE / 1_000_000_000L);
    }

    public int samples() {
        return bytes.length / BYTES_PER_SAMPLE;
    }

    public Duration duration() {
        return Duration.ofNanos(samples() * 1_000_000_000L / SAMPLE_RATE);
    }

    /** The first {@code length} of this audio (all of it if shorter). */
    public Pcm truncate(Duration length) {
        int keep = (int) Math.min(samples(), samplesIn(length));
        return keep == samples() ? this : new Pcm(Arrays.copyOf(bytes, keep * BYTES_PER_SAMPLE));
    }

    /** This audio followed by {@code other}. */
    public Pcm append(Pcm other) {
        byte[] joined = Arrays.copyOf(bytes, bytes.length + other.bytes.length);
        System.arraycopy(other.bytes, 0, joined, bytes.length, other.bytes.length);
        return new Pcm(joined);
    }

    byte[] rawBytes() {
        return bytes;
    }
}
