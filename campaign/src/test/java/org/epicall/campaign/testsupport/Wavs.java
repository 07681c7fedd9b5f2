package org.epicall.campaign.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** WAV files for tests: a 440 Hz tone, 16-bit PCM, at the rate and channels asked for. */
public final class Wavs {

    private Wavs() {
    }

    /** Half a second of tone as Asterisk records and plays it: 8 kHz mono. */
    public static byte[] telephone() {
        return tone(8000, 1, 0.5);
    }

    public static byte[] tone(int rate, int channels, double seconds) {
        int frames = (int) (rate * seconds);
        byte[] pcm = new byte[frames * 2 * channels];
        for (int i = 0; i < frames; i++) {
            short value = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / (double) rate));
            for (int c = 0; c < channels; c++) {
                int at = (i * channels + c) * 2;
                pcm[at] = (byte) value;
                pcm[at + 1] = (byte) (value >> 8);
            }
        }
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, frames),
                    AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
