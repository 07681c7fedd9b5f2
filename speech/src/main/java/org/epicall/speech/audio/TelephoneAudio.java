package org.epicall.speech.audio;

import java.util.Objects;

/**
 * Validated speech audio: signed 16-bit little-endian PCM, mono.
 *
 * <p>Immutable; the sample array is never exposed for writing.
 *
 * @param pcm        the samples, two bytes each, little-endian
 * @param sampleRate samples per second (8000 for telephone audio)
 * @param source     where the audio came from, for messages (a file name or a stream label)
 */
public record TelephoneAudio(byte[] pcm, int sampleRate, String source) {

    public static final int TELEPHONE_RATE = 8000;
    public static final int WIDEBAND_RATE = 16000;

    public TelephoneAudio {
        Objects.requireNonNull(pcm, "pcm");
        Objects.requireNonNull(source, "source");
        if (pcm.length % 2 != 0) {
            throw new IllegalArgumentException("16-bit PCM needs an even number of bytes, got " + pcm.length);
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        pcm = pcm.clone();
    }

    @Override
    public byte[] pcm() {
        return pcm.clone();
    }

    /** Number of samples. */
    public int sampleCount() {
        return pcm.length / 2;
    }

    /** Duration in seconds. */
    public double seconds() {
        return (double) sampleCount() / sampleRate;
    }

    /** Sample {@code i} as a signed 16-bit value. */
    public short sample(int i) {
        return (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
    }

    /** Samples as an array of shorts (a copy). */
    public short[] samples() {
        short[] out = new short[sampleCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = sample(i);
        }
        return out;
    }

    /** Builds audio from signed 16-bit samples. */
    public static TelephoneAudio ofSamples(short[] samples, int sampleRate, String source) {
        byte[] pcm = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            pcm[2 * i] = (byte) samples[i];
            pcm[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return new TelephoneAudio(pcm, sampleRate, source);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TelephoneAudio other && sampleRate == other.sampleRate
                && java.util.Arrays.equals(pcm, other.pcm) && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(pcm) + sampleRate;
    }

    @Override
    public String toString() {
        return "TelephoneAudio[" + source + ", " + sampleRate + " Hz, " + String.format("%.2f", seconds()) + " s]";
    }
}
