package org.epicall.speech.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AudioReaderTest {

    @TempDir
    Path dir;

    private final AudioReader reader = new AudioReader();

    @Test
    void readsTelephoneWavAsEightKilohertzSixteenBitMono() throws IOException {
        TelephoneAudio audio = reader.read(Wavs.tone(dir.resolve("a.wav"), 8000, 16, 1, 1.5, 0.3));

        assertThat(audio.sampleRate()).isEqualTo(8000);
        assertThat(audio.sampleCount()).isEqualTo(12000);
        assertThat(audio.seconds()).isEqualTo(1.5);
    }

    @Test
    void readsWavFromAStream() throws IOException {
        byte[] wav = Files.readAllBytes(Wavs.tone(dir.resolve("a.wav"), 16000, 16, 1, 0.5, 0.3));

        TelephoneAudio audio = reader.read(new ByteArrayInputStream(wav), "channel SIP/1-0001");

        assertThat(audio.sampleRate()).isEqualTo(16000);
        assertThat(audio.source()).isEqualTo("channel SIP/1-0001");
    }

    @Test
    void readsRawPcmStreams() {
        short[] samples = new short[800];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (8000 * Math.sin(i / 3.0));
        }
        byte[] pcm = TelephoneAudio.ofSamples(samples, 8000, "x").pcm();

        TelephoneAudio audio = reader.readRaw(new ByteArrayInputStream(pcm), 8000, "stream");

        assertThat(audio.samples()).containsExactly(samples);
    }

    @Test
    void refusesAFileThatIsNotAudioSayingWhatIsExpected() throws IOException {
        Path text = Files.writeString(dir.resolve("answer.wav"), "this is not audio at all, just text");

        assertThatThrownBy(() -> reader.read(text))
                .isInstanceOfSatisfying(InvalidAudioException.class, e -> assertThat(e.problem()).isEqualTo(InvalidAudioException.Problem.NOT_AUDIO))
                .hasMessageContaining("answer.wav").hasMessageContaining("not an audio file").hasMessageContaining("8000 Hz");
    }

    @ParameterizedTest(name = "{0} Hz {1}-bit {2} channel(s)")
    @CsvSource({"44100, 16, 1, 44100 Hz", "8000, 16, 2, stereo", "8000, 8, 1, 8-bit", "22050, 16, 1, 22050 Hz"})
    void refusesTheWrongFormatNamingWhatItGotAndWhatIsExpected(float rate, int bits, int channels, String described) throws IOException {
        Path wav = Wavs.tone(dir.resolve("wrong.wav"), rate, bits, channels, 0.2, 0.3);

        assertThatThrownBy(() -> reader.read(wav))
                .isInstanceOfSatisfying(InvalidAudioException.class, e -> assertThat(e.problem()).isEqualTo(InvalidAudioException.Problem.WRONG_FORMAT))
                .hasMessageContaining("wrong.wav").hasMessageContaining(described).hasMessageContaining(AudioReader.EXPECTED);
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.wav"));

        assertThatThrownBy(() -> reader.read(empty))
                .isInstanceOfSatisfying(InvalidAudioException.class, e -> assertThat(e.problem()).isEqualTo(InvalidAudioException.Problem.EMPTY))
                .hasMessageContaining("empty.wav").hasMessageContaining("empty");
    }

    @Test
    void refusesAWavWithoutSamples() throws IOException {
        Path none = Wavs.tone(dir.resolve("none.wav"), 8000, 16, 1, 0, 0.3);

        assertThatThrownBy(() -> reader.read(none))
                .isInstanceOfSatisfying(InvalidAudioException.class, e -> assertThat(e.problem()).isEqualTo(InvalidAudioException.Problem.EMPTY))
                .hasMessageContaining("no audio");
    }

    @ParameterizedTest(name = "amplitude {0}")
    @CsvSource({"0.0", "0.0005"})
    void refusesSilence(double amplitude) throws IOException {
        Path quiet = Wavs.tone(dir.resolve("quiet.wav"), 8000, 16, 1, 2, amplitude);

        assertThatThrownBy(() -> reader.read(quiet))
                .isInstanceOfSatisfying(InvalidAudioException.class, e -> assertThat(e.problem()).isEqualTo(InvalidAudioException.Problem.SILENCE))
                .hasMessageContaining("quiet.wav").hasMessageContaining("silent");
    }

    @Test
    void acceptsQuietSpeechLevelsAboveTheThreshold() throws IOException {
        assertThat(reader.read(Wavs.tone(dir.resolve("soft.wav"), 8000, 16, 1, 1, 0.01)).sampleCount()).isEqualTo(8000);
    }

    @Test
    void refusesAMissingFile() {
        assertThatThrownBy(() -> reader.read(dir.resolve("nowhere.wav")))
                .isInstanceOfSatisfying(InvalidAudioException.class, e -> assertThat(e.problem()).isEqualTo(InvalidAudioException.Problem.UNREADABLE))
                .hasMessageContaining("no such file");
    }
}
