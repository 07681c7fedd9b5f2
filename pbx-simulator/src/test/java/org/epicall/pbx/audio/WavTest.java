package org.epicall.pbx.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WavTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteWhatItReadsBack() throws IOException {
        Pcm tone = Pcm.of(new byte[] {1, 0, 2, 0, 3, 0, -1, -1});
        Path file = dir.resolve("tone.wav");

        Wav.write(file, tone.append(Pcm.silence(Duration.ofMillis(10))));

        Pcm read = Wav.read(file);
        assertThat(read.samples()).isEqualTo(4 + 80);
        assertThat(Files.size(file)).isEqualTo(44 + read.samples() * 2L);
    }

    @Test
    void shouldReadTheReferenceRecordingOfARealAsterisk() throws IOException {
        try (var in = getClass().getClassLoader().getResourceAsStream("audio/resident-answer.wav")) {
            Pcm pcm = Wav.read(in, "resident-answer.wav");
            assertThat(pcm.samples()).isEqualTo(49298);
        }
    }

    @Test
    void shouldNameTheFileAndTheFixForAudioThatIsNotTelephoneQuality() {
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x46464952).putInt(36).putInt(0x45564157).putInt(0x20746d66).putInt(16)
                .putShort((short) 1).putShort((short) 2).putInt(44100).putInt(176400).putShort((short) 4)
                .putShort((short) 16).putInt(0x61746164).putInt(0);

        assertThatThrownBy(() -> Wav.read(new ByteArrayInputStream(header.array()), "cd.wav"))
                .isInstanceOf(IOException.class).hasMessageStartingWith("cd.wav: expected 8000 Hz mono 16-bit PCM")
                .hasMessageContaining("44100 Hz").hasMessageContaining("sox");
        assertThatThrownBy(() -> Wav.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), "junk.wav"))
                .hasMessage("junk.wav: not a RIFF/WAVE file");
    }
}
