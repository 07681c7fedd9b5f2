package org.epicall.speech.audio;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResamplerTest {

    private final Resampler resampler = new Resampler();

    @ParameterizedTest(name = "{0} Hz tone")
    @ValueSource(ints = {300, 1000, 3000})
    void doublesTheRateKeepingDurationAndLevelOfTelephoneBandTones(int hz) {
        short[] in = new short[8000];
        for (int i = 0; i < in.length; i++) {
            in[i] = (short) (10000 * Math.sin(2 * Math.PI * hz * i / 8000.0));
        }
        TelephoneAudio out = resampler.doubleRate(TelephoneAudio.ofSamples(in, 8000, "tone"));

        assertThat(out.sampleRate()).isEqualTo(16000);
        assertThat(out.seconds()).isEqualTo(1.0);
        assertThat(rms(out.samples(), 1000, 15000)).isCloseTo(10000 / Math.sqrt(2), within(300.0));
        // Odd output samples are interpolated: they must follow the 16 kHz sine.
        for (int i = 2001; i < 14000; i += 997) {
            assertThat((double) out.sample(i)).isCloseTo(10000 * Math.sin(2 * Math.PI * hz * i / 16000.0), within(400.0));
        }
    }

    private static double rms(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / (to - from));
    }
}
