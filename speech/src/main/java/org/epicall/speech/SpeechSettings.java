package org.epicall.speech;

/**
 * How answers are recognised.
 *
 * @param upsampleTo16k   resample 8 kHz telephone audio to 16 kHz before recognition (the models
 *                        are trained at 16 kHz) instead of handing Vosk the 8 kHz samples
 * @param maxAlternatives size of the n-best list read from the decoder; the best alternative that
 *                        is a whole expected phrase wins, and word confidences are posteriors over it
 */
public record SpeechSettings(boolean upsampleTo16k, int maxAlternatives) {

    public SpeechSettings {
        if (maxAlternatives < 1 || maxAlternatives > 100) {
            throw new IllegalArgumentException("maxAlternatives must be 1..100, got " + maxAlternatives);
        }
    }

    /** The measured best (see BENCHMARKS.md). */
    public static SpeechSettings defaults() {
        return new SpeechSettings(true, 30);
    }

    public SpeechSettings withUpsampling(boolean upsample) {
        return new SpeechSettings(upsample, maxAlternatives);
    }
}
