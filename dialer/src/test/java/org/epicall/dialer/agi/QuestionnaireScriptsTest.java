package org.epicall.dialer.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.epicall.dialer.support.Speech;
import org.epicall.speech.CallRecognizer;
import org.epicall.speech.SpeechRecognizer;
import org.epicall.speech.Transcript;
import org.epicall.speech.audio.TelephoneAudio;
import org.epicall.survey.answer.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The survey script's hearing of recordings that hold nothing: no decode, and the keypad at once. */
class QuestionnaireScriptsTest {

    @TempDir
    Path dir;

    private final AtomicInteger decodes = new AtomicInteger();
    private final QuestionnaireScripts scripts = QuestionnaireScripts.shipped(counting(Speech.recognizer()));
    private final SurveyScript.Step fever = new SurveyScript.Step("fever", false);

    @Test
    void shouldSendASilentRecordingStraightToTheKeypadWithoutDecodingIt() throws IOException {
        Path silent = wav(dir.resolve("silent.wav"), new short[8000 * 3]);

        try (SurveyScript script = scripts.open("covid-checkin", "ko")) {
            SurveyScript.Heard heard = script.hear(fever, silent, 1);

            assertThat(heard.decision()).isEqualTo(Decision.KEYPAD);
            assertThat(heard.value()).isNull();
        }
        assertThat(decodes).hasValue(0);
    }

    @Test
    void shouldSendAMissingOrEmptyRecordingStraightToTheKeypad() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.wav"));

        try (SurveyScript script = scripts.open("covid-checkin", "ko")) {
            assertThat(script.hear(fever, dir.resolve("never-written.wav"), 1).decision()).isEqualTo(Decision.KEYPAD);
            assertThat(script.hear(fever, empty, 1).decision()).isEqualTo(Decision.KEYPAD);
        }
        assertThat(decodes).hasValue(0);
    }

    /** The real recogniser, counting the recordings it decoded (a refused recording never reaches Vosk). */
    private SpeechRecognizer counting(SpeechRecognizer real) {
        return language -> {
            CallRecognizer call = real.openCall(language);
            return new CallRecognizer() {
                @Override
                public Transcript recognize(Path wavFile, List<String> expectedPhrases) {
                    Transcript transcript = call.recognize(wavFile, expectedPhrases);
                    decodes.incrementAndGet();
                    return transcript;
                }

                @Override
                public Transcript recognize(TelephoneAudio audio, List<String> expectedPhrases) {
                    Transcript transcript = call.recognize(audio, expectedPhrases);
                    decodes.incrementAndGet();
                    return transcript;
                }

                @Override
                public void close() {
                    call.close();
                }
            };
        };
    }

    private static Path wav(Path file, short[] samples) throws IOException {
        byte[] pcm = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            pcm[2 * i] = (byte) samples[i];
            pcm[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }
}
