package org.epicall.speech.audio;

import org.epicall.speech.CallRecognizer;
import org.epicall.speech.KoreanModel;
import org.epicall.speech.Transcript;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What a real Asterisk 22.10.1 RECORD FILE wrote (shared/reference, beside the checkout) is read and recognised. */
class AsteriskRecordingTest {

    private static final Path REFERENCE = Path.of("..", "..", "shared", "reference", "asterisk-22.10.1");

    @ParameterizedTest
    @ValueSource(strings = {"rec-00-old-Wait-resident.wav", "rec-01-survey-answer.wav", "rec-06-hangup-early.wav"})
    void readsAndRecognisesWhatAsteriskRecorded(String name) {
        Path file = REFERENCE.resolve(name);
        assumeTrue(Files.exists(file), "shared/reference is not beside the checkout (" + file.toAbsolutePath().normalize() + ")");

        TelephoneAudio audio = new AudioReader().read(file);
        assertThat(audio.sampleRate()).isEqualTo(8000);
        assertThat(audio.seconds()).isGreaterThan(1.0);

        try (CallRecognizer call = KoreanModel.recognizer().openCall("ko")) {
            Transcript transcript = call.recognize(file, List.of("네", "아니요"));
            assertThat(transcript.grammarUsed()).isTrue();
            assertThat(transcript.audioSeconds()).isEqualTo(audio.seconds());
            assertThat(transcript.alternatives()).isNotEmpty();
        }
    }
}
