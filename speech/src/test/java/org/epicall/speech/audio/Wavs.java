package org.epicall.speech.audio;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

/** Writes small WAV files for tests. */
public final class Wavs {

    private Wavs() {
    }

    /** A sine tone at {@code amplitude} (0..1 of full scale). */
    public static Path tone(Path file, float rate, int bits, int channels, double seconds, double amplitude) throws IOException {
        int frames = (int) (rate * seconds);
        int bytesPerSample = bits / 8;
        byte[] data = new byte[frames * channels * bytesPerSample];
        for (int i = 0; i < frames; i++) {
            double v = amplitude * Math.sin(2 * Math.PI * 440 * i / rate);
            for (int c = 0; c < channels; c++) {
                int at = (i * channels + c) * bytesPerSample;
                if (bits == 16) {
                    short s = (short) Math.round(v * 32767);
                    data[at] = (byte) s;
                    data[at + 1] = (byte) (s >> 8);
                } else {
                    data[at] = (byte) Math.round(v * 127);
                }
            }
        }
        AudioFormat format = new AudioFormat(rate, bits, channels, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(data), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }
}
