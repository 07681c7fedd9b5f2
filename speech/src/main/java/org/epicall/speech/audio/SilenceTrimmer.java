package org.epicall.speech.audio;

import java.util.Arrays;

/**
 * Cuts the silence before and after an answer, keeping a margin, so the decoder neither spends CPU
 * on it nor hears line noise as words. A recording from {@code RECORD FILE} ends with the seconds of
 * silence that stopped it; on the natural-speech set the trimmed clips also decode better (character
 * error rate 27.6 % → 25.6 % at 8 kHz, BENCHMARKS.md).
 *
 * <p>A 20 ms frame is speech when its level reaches the threshold: 40 dB under the loudest frame,
 * but never under {@value #FLOOR_DBFS} dBFS (quiet line hiss), and at least 6 dB over the line's
 * own noise (its 10th-percentile frame), capped 10 dB under the loudest frame so quiet speech on a
 * noisy line is never taken for noise. Everything from the first to the last speech frame is kept,
 * with {@value #MARGIN_SECONDS} s either side; nothing is cut from inside. Immutable and thread-safe.
 */
public final class SilenceTrimmer {

    static final double FLOOR_DBFS = -55.0;
    static final double MARGIN_SECONDS = 0.3;
    private static final double FRAME_SECONDS = 0.02;
    private static final double BELOW_LOUDEST_DB = 40.0;
    private static final double OVER_NOISE_DB = 6.0;
    private static final double MIN_BELOW_LOUDEST_DB = 10.0;

    /** {@code audio} without its leading and trailing silence (itself when there is none to cut). */
    public TelephoneAudio trim(TelephoneAudio audio) {
        return trimmed(audio).audio();
    }

    /**
     * The trimmed audio and where it starts in the original, in seconds (to report word times
     * against the recording).
     */
    public Trimmed trimmed(TelephoneAudio audio) {
        int frame = Math.max(1, (int) Math.round(audio.sampleRate() * FRAME_SECONDS));
        int frames = audio.sampleCount() / frame;
        if (frames < 2) {
            return new Trimmed(audio, 0);
        }
        short[] samples = audio.samples();
        double[] level = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * frame; i < (f + 1) * frame; i++) {
                sum += (double) samples[i] * samples[i];
            }
            level[f] = 10 * Math.log10(sum / frame / (32768.0 * 32768.0) + 1e-12);
        }
        double[] sorted = level.clone();
        Arrays.sort(sorted);
        double loudest = sorted[frames - 1];
        double noise = sorted[frames / 10];
        double threshold = Math.min(loudest - MIN_BELOW_LOUDEST_DB, Math.max(FLOOR_DBFS, Math.max(loudest - BELOW_LOUDEST_DB, noise + OVER_NOISE_DB)));
        int first = -1;
        int last = -1;
        for (int f = 0; f < frames; f++) {
            if (level[f] >= threshold) {
                first = first < 0 ? f : first;
                last = f;
            }
        }
        if (first < 0) {
            return new Trimmed(audio, 0);
        }
        int margin = (int) Math.round(MARGIN_SECONDS / FRAME_SECONDS);
        int from = Math.max(0, first - margin) * frame;
        int to = last + 1 + margin >= frames ? samples.length : (last + 1 + margin) * frame;
        if (from == 0 && to == samples.length) {
            return new Trimmed(audio, 0);
        }
        return new Trimmed(TelephoneAudio.ofSamples(Arrays.copyOfRange(samples, from, to), audio.sampleRate(), audio.source()),
                (double) from / audio.sampleRate());
    }

    /**
     * @param audio      what is left
     * @param startSec where it starts in the original, seconds
     */
    public record Trimmed(TelephoneAudio audio, double startSec) {
    }
}
