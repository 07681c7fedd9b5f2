package org.epicall.speech;

/**
 * How answers are recognised.
 *
 * @param upsampleTo16k   resample 8 kHz telephone audio to 16 kHz with epicall's resampler before
 *                        recognition, instead of handing Vosk the 8 kHz samples (which it converts
 *                        to its model's rate itself)
 * @param maxAlternatives size of the n-best list read from the decoder; its best hypothesis names
 *                        the value, and the list's posteriors say how sure that reading is
 * @param trimSilence     cut the silence before and after an answer before decoding it
 */
public record SpeechSettings(boolean upsampleTo16k, int maxAlternatives, boolean trimSilence) {

    public SpeechSettings {
        if (maxAlternatives < 1 || maxAlternatives > 100) {
            throw new IllegalArgumentException("maxAlternatives must be 1..100, got " + maxAlternatives);
        }
    }

    /**
     * The measured best (BENCHMARKS.md, natural Korean speech at phone quality): Vosk gets the 8 kHz
     * samples (character error rate 27.6 % against 34.3 % after epicall's upsampling, the same
     * direction as the 63-clip held-out set of issue 9), and silence is trimmed (25.6 %, and 13 %
     * less audio to decode).
     */
    public static SpeechSettings defaults() {
        return new SpeechSettings(false, 30, true);
    }

    public SpeechSettings withUpsampling(boolean upsample) {
        return new SpeechSettings(upsample, maxAlternatives, trimSilence);
    }

    public SpeechSettings withTrimming(boolean trim) {
        return new SpeechSettings(upsampleTo16k, maxAlternatives, trim);
    }
}
