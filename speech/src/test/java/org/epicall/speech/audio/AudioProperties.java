package org.epicall.speech.audio;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AudioProperties {

    @Property(tries = 200)
    void anyAudibleTelephoneWavReadsBackSampleForSample(@ForAll @Size(min = 160, max = 4000) List<@IntRange(min = -32768, max = 32767) Integer> values,
                                                        @ForAll @IntRange(min = 0, max = 159) int loudAt) throws IOException {
        short[] samples = new short[values.size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = values.get(i).shortValue();
        }
        // One full-scale 20 ms frame keeps the clip above the silence threshold.
        for (int i = loudAt; i < Math.min(samples.length, loudAt + 160); i++) {
            samples[i] = (short) (i % 2 == 0 ? 20000 : -20000);
        }

        TelephoneAudio audio = new AudioReader().read(new ByteArrayInputStream(wav(samples, 8000)), "property");

        assertThat(audio.samples()).containsExactly(samples);
        assertThat(audio.seconds()).isEqualTo(samples.length / 8000.0);
    }

    @Property(tries = 200)
    void anyBytesWithoutAWavHeaderAreRefusedAsNotAudio(@ForAll @Size(min = 1, max = 2000) byte[] bytes) {
        bytes[0] = 'X';

        assertThatThrownBy(() -> new AudioReader().read(new ByteArrayInputStream(bytes), "junk"))
                .isInstanceOfSatisfying(InvalidAudioException.class, e -> assertThat(e.problem()).isEqualTo(InvalidAudioException.Problem.NOT_AUDIO));
    }

    @Property(tries = 100)
    void resamplingKeepsEveryOriginalSampleAndDoublesTheCount(@ForAll @Size(min = 1, max = 2000) List<@IntRange(min = -32768, max = 32767) Integer> values) {
        short[] samples = new short[values.size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = values.get(i).shortValue();
        }

        TelephoneAudio out = new Resampler().doubleRate(TelephoneAudio.ofSamples(samples, 8000, "p"));

        assertThat(out.sampleCount()).isEqualTo(2 * samples.length);
        for (int i = 0; i < samples.length; i++) {
            assertThat(out.sample(2 * i)).isEqualTo(samples[i]);
        }
    }

    @Property(tries = 200)
    void trimmingKeepsTheWholeAnswerAndCutsOnlySilenceAroundIt(
            @ForAll @Size(min = 160, max = 8000) List<@IntRange(min = -20000, max = 20000) Integer> speech,
            @ForAll @IntRange(min = 0, max = 24000) int silenceBefore, @ForAll @IntRange(min = 0, max = 24000) int silenceAfter,
            @ForAll @IntRange(min = 0, max = 20) int hiss) {
        short[] samples = new short[silenceBefore + speech.size() + silenceAfter];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (i % 3 == 0 ? hiss : -hiss);
        }
        for (int i = 0; i < speech.size(); i++) {
            samples[silenceBefore + i] = speech.get(i).shortValue();
        }
        // The answer starts and ends loud, so its first and last frames are speech.
        for (int i = 0; i < 160; i++) {
            samples[silenceBefore + i] = (short) (i % 2 == 0 ? 20000 : -20000);
            samples[silenceBefore + speech.size() - 1 - i] = (short) (i % 2 == 0 ? 20000 : -20000);
        }
        TelephoneAudio audio = TelephoneAudio.ofSamples(samples, 8000, "p");

        SilenceTrimmer.Trimmed trimmed = new SilenceTrimmer().trimmed(audio);

        int from = (int) Math.round(trimmed.startSec() * 8000);
        short[] kept = trimmed.audio().samples();
        assertThat(from).isLessThanOrEqualTo(silenceBefore);
        assertThat(from + kept.length).isGreaterThanOrEqualTo(silenceBefore + speech.size());
        assertThat(java.util.Arrays.copyOfRange(samples, from, from + kept.length)).containsExactly(kept);
        // At most the margin and one frame of silence stays on either side.
        int slack = (int) Math.round(SilenceTrimmer.MARGIN_SECONDS * 8000) + 2 * 160;
        assertThat(silenceBefore - from).isLessThanOrEqualTo(slack);
        assertThat(from + kept.length - (silenceBefore + speech.size())).isLessThanOrEqualTo(slack);
    }

    private static byte[] wav(short[] samples, float rate) throws IOException {
        byte[] pcm = TelephoneAudio.ofSamples(samples, (int) rate, "x").pcm();
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        }
        return out.toByteArray();
    }
}
