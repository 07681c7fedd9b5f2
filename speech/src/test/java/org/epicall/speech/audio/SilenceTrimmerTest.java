package org.epicall.speech.audio;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SilenceTrimmerTest {

    private final SilenceTrimmer trimmer = new SilenceTrimmer();

    @ParameterizedTest(name = "line noise at {0} of full scale")
    @ValueSource(doubles = {0.0, 0.001, 0.03})
    void cutsTheSilenceThatStoppedTheRecordingKeepingAMargin(double noise) {
        TelephoneAudio audio = answer(1.0, 1.0, 2.0, noise);

        SilenceTrimmer.Trimmed trimmed = trimmer.trimmed(audio);

        assertThat(trimmed.audio().seconds()).isCloseTo(1.0 + 2 * 0.3, within(0.03));
        assertThat(trimmed.startSec()).isCloseTo(1.0 - 0.3, within(0.03));
    }

    @Test
    void leavesAnAnswerWithoutSilenceAroundItAsItIs() {
        TelephoneAudio audio = answer(0.1, 1.0, 0.1, 0.0);

        assertThat(trimmer.trim(audio)).isSameAs(audio);
    }

    @Test
    void neverCutsAQuietAnswerOnANoisyLine() {
        // A -26 dBFS tone over -36 dBFS noise: within 10 dB of the loudest frame is speech.
        TelephoneAudio audio = answer(1.0, 1.0, 1.0, 0.02, 0.07);

        SilenceTrimmer.Trimmed trimmed = trimmer.trimmed(audio);

        assertThat(trimmed.startSec()).isLessThanOrEqualTo(1.0);
        assertThat(trimmed.startSec() + trimmed.audio().seconds()).isGreaterThanOrEqualTo(2.0);
    }

    private static TelephoneAudio answer(double before, double speech, double after, double noise) {
        return answer(before, speech, after, noise, 0.5);
    }

    /** Noise, then a 440 Hz tone standing for speech, then noise again; 8 kHz. */
    private static TelephoneAudio answer(double before, double speech, double after, double noise, double amplitude) {
        Random random = new Random(7);
        int rate = 8000;
        int start = (int) (before * rate);
        int end = start + (int) (speech * rate);
        short[] samples = new short[end + (int) (after * rate)];
        for (int i = 0; i < samples.length; i++) {
            double v = noise * random.nextGaussian();
            if (i >= start && i < end) {
                v += amplitude * Math.sin(2 * Math.PI * 440 * i / rate);
            }
            samples[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v * 32767)));
        }
        return TelephoneAudio.ofSamples(samples, rate, "test");
    }
}
