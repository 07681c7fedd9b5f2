package org.epicall.campaign.prompt;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Checks that a recording is what Asterisk plays as a {@code .wav} prompt: RIFF WAVE, 16-bit signed
 * linear PCM, 8 kHz, mono, and not longer than a prompt should be. Stateless and thread-safe.
 */
final class TelephoneWav {

    /** Longest prompt accepted. */
    static final int MAX_SECONDS = 120;
    private static final float RATE = 8000f;
    private static final String CONVERT = "; convert it with: sox your.wav -r 8000 -c 1 -b 16 -e signed-integer prompt.wav";

    private TelephoneWav() {
    }

    /**
     * @param name  file name as uploaded, for messages
     * @param bytes the file
     * @return its length in seconds
     * @throws InvalidPromptAudioException saying what the file is and how to convert it
     */
    static double check(String name, byte[] bytes) {
        AudioFileFormat file;
        try (InputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes))) {
            file = AudioSystem.getAudioFileFormat(in);
        } catch (UnsupportedAudioFileException | IOException e) {
            throw new InvalidPromptAudioException(name + " is not a WAV recording" + CONVERT);
        }
        if (file.getType() != AudioFileFormat.Type.WAVE) {
            throw new InvalidPromptAudioException(name + " is " + file.getType() + ", not WAV" + CONVERT);
        }
        AudioFormat format = file.getFormat();
        boolean linear16 = format.getEncoding() == AudioFormat.Encoding.PCM_SIGNED && format.getSampleSizeInBits() == 16
                && !format.isBigEndian();
        if (!linear16 || format.getSampleRate() != RATE || format.getChannels() != 1) {
            throw new InvalidPromptAudioException(name + " is " + describe(format)
                    + "; a prompt must be 8 kHz mono 16-bit PCM WAV, as Asterisk plays it" + CONVERT);
        }
        double seconds = frames(bytes) / RATE;
        if (seconds <= 0) {
            throw new InvalidPromptAudioException(name + " holds no sound");
        }
        if (seconds > MAX_SECONDS) {
            throw new InvalidPromptAudioException(name + " lasts " + Math.round(seconds) + " s; a prompt may last at most "
                    + MAX_SECONDS + " s");
        }
        return seconds;
    }

    private static long frames(byte[] bytes) {
        try (AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(bytes))) {
            long frames = audio.getFrameLength();
            return frames == AudioSystem.NOT_SPECIFIED ? audio.available() / 2 : frames;
        } catch (UnsupportedAudioFileException | IOException e) {
            throw new InvalidPromptAudioException("the WAV recording cannot be read: " + e.getMessage());
        }
    }

    private static String describe(AudioFormat format) {
        return Math.round(format.getSampleRate()) + " Hz, " + (format.getChannels() == 1 ? "mono" : format.getChannels()
                + " channels") + ", " + format.getSampleSizeInBits() + "-bit " + format.getEncoding();
    }
}
