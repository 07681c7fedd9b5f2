package org.epicall.speech.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

import static org.epicall.speech.audio.InvalidAudioException.Problem.EMPTY;
import static org.epicall.speech.audio.InvalidAudioException.Problem.NOT_AUDIO;
import static org.epicall.speech.audio.InvalidAudioException.Problem.SILENCE;
import static org.epicall.speech.audio.InvalidAudioException.Problem.UNREADABLE;
import static org.epicall.speech.audio.InvalidAudioException.Problem.WRONG_FORMAT;

/**
 * Reads telephone answers from WAV files, WAV streams and raw 16-bit PCM streams, and refuses what
 * cannot be recognised with a message that says what was expected.
 *
 * <p>Accepted: signed 16-bit PCM, mono, 8000 Hz (telephone) or 16000 Hz (wideband). Stateless and
 * thread-safe.
 */
public final class AudioReader {

    /** What Asterisk's RECORD FILE writes, and what the corpus holds. */
    public static final String EXPECTED = "16-bit signed PCM mono WAV at 8000 Hz (telephone) or 16000 Hz";

    private static final Set<Integer> RATES = Set.of(TelephoneAudio.TELEPHONE_RATE, TelephoneAudio.WIDEBAND_RATE);

    private final SilenceDetector silence;

    public AudioReader(SilenceDetector silence) {
        this.silence = Objects.requireNonNull(silence, "silence");
    }

    public AudioReader() {
        this(new SilenceDetector());
    }

    /** Reads and validates a WAV file. */
    public TelephoneAudio read(Path file) {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidAudioException(UNREADABLE, name + ": is a directory, expected a " + EXPECTED + " file");
            }
            if (Files.size(file) == 0) {
                throw new InvalidAudioException(EMPTY, name + ": the file is empty (0 bytes); expected a " + EXPECTED + " recording");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, name);
            }
        } catch (NoSuchFileException e) {
            throw new InvalidAudioException(UNREADABLE, name + ": no such file");
        } catch (IOException e) {
            throw new InvalidAudioException(UNREADABLE, name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads and validates a WAV stream; {@code source} names it in messages. Does not close the stream. */
    public TelephoneAudio read(InputStream wav, String source) {
        try (AudioInputStream in = open(wav, source)) {
            AudioFormat format = in.getFormat();
            checkFormat(format, source);
            byte[] data = in.readAllBytes();
            byte[] pcm = format.isBigEndian() ? swapBytes(data) : data;
            return validated(new TelephoneAudio(trimOddByte(pcm), Math.round(format.getSampleRate()), source));
        } catch (IOException e) {
            throw new InvalidAudioException(UNREADABLE, source + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Validates raw signed 16-bit little-endian mono PCM, e.g. a live channel's media stream. */
    public TelephoneAudio readRaw(InputStream pcm, int sampleRate, String source) {
        if (!RATES.contains(sampleRate)) {
            throw new InvalidAudioException(WRONG_FORMAT, source + ": " + sampleRate + " Hz is not supported; expected " + EXPECTED);
        }
        try {
            return validated(new TelephoneAudio(trimOddByte(pcm.readAllBytes()), sampleRate, source));
        } catch (IOException e) {
            throw new InvalidAudioException(UNREADABLE, source + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static AudioInputStream open(InputStream wav, String source) throws IOException {
        try {
            return AudioSystem.getAudioInputStream(new BufferedInputStream(wav));
        } catch (UnsupportedAudioFileException e) {
            throw new InvalidAudioException(NOT_AUDIO, source + ": not an audio file (no WAV header found); expected a " + EXPECTED);
        }
    }

    private static void checkFormat(AudioFormat format, String source) {
        boolean pcm16 = format.getEncoding() == AudioFormat.Encoding.PCM_SIGNED && format.getSampleSizeInBits() == 16;
        boolean mono = format.getChannels() == 1;
        boolean rate = RATES.contains(Math.round(format.getSampleRate()));
        if (!(pcm16 && mono && rate)) {
            throw new InvalidAudioException(WRONG_FORMAT, source + ": wrong audio format (" + describe(format) + "); expected " + EXPECTED
                    + ". Convert it, e.g.: sox IN.wav -r 8000 -b 16 -c 1 -e signed-integer OUT.wav");
        }
    }

    private TelephoneAudio validated(TelephoneAudio audio) {
        if (audio.sampleCount() == 0) {
            throw new InvalidAudioException(EMPTY, audio.source() + ": the recording holds no audio (0 samples)");
        }
        if (silence.isSilent(audio)) {
            throw new InvalidAudioException(SILENCE, audio.source() + ": the recording is silent (" + String.format("%.1f", audio.seconds())
                    + " s, loudest 20 ms at " + String.format("%.0f", silence.loudestFrameDbfs(audio)) + " dBFS, threshold "
                    + String.format("%.0f", silence.thresholdDbfs()) + " dBFS): nobody spoke");
        }
        return audio;
    }

    static String describe(AudioFormat format) {
        String channels = switch (format.getChannels()) {
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> format.getChannels() + " channels";
        };
        return format.getEncoding() + " " + format.getSampleSizeInBits() + "-bit " + channels + " at "
                + Math.round(format.getSampleRate()) + " Hz";
    }

    private static byte[] swapBytes(byte[] data) {
        byte[] out = new byte[data.length];
        for (int i = 0; i + 1 < data.length; i += 2) {
            out[i] = data[i + 1];
            out[i + 1] = data[i];
        }
        return out;
    }

    private static byte[] trimOddByte(byte[] pcm) {
        return pcm.length % 2 == 0 ? pcm : java.util.Arrays.copyOf(pcm, pcm.length - 1);
    }
}
