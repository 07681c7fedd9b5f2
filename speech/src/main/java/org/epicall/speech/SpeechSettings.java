package org.epicall.speech;

import java.util.Map;

/**
 * How answers are recognised.
 *
 * @param upsampleTo16k   resample 8 kHz telephone audio to 16 kHz with epicall's resampler before
 *                        recognition, instead of handing Vosk the 8 kHz samples (which it converts
 *                        to its model's rate itself)
 * @param maxAlternatives size of the n-best list read from the decoder; its best hypothesis names
 *                        the value, and the list's posteriors say how sure that reading is
 * @param trimSilence     cut the silence before and after an answer before decoding it
 * @param framesPerChunk  audio frames (10 ms each) the acoustic model computes at a time (Kaldi's
 *                        {@code frames-per-chunk}), or 0 for the model's own setting (Kaldi's
 *                        default, 20: made for live streaming, where results are wanted every 0.2 s).
 *                        A whole answer is decoded at once here, and larger chunks compute the same
 *                        network in fewer, larger matrix products
 */
public record SpeechSettings(boolean upsampleTo16k, int maxAlternatives, boolean trimSilence, int framesPerChunk) {

    /** Kaldi's own default, what a model without the option in its {@code conf/model.conf} gets. */
    public static final int KALDI_FRAMES_PER_CHUNK = 20;

    public SpeechSettings {
        if (maxAlternatives < 1 || maxAlternatives > 100) {
            throw new IllegalArgumentException("maxAlternatives must be 1..100, got " + maxAlternatives);
        }
        if (framesPerChunk < 0 || framesPerChunk > 1000) {
            throw new IllegalArgumentException("framesPerChunk must be 0 (the model's own) or 1..1000, got " + framesPerChunk);
        }
    }

    /**
     * The measured best (BENCHMARKS.md, natural Korean speech at phone quality): Vosk gets the 8 kHz
     * samples (character error rate 27.6 % against 34.3 % after epicall's upsampling, the same
     * direction as the 63-clip held-out set of issue 9), silence is trimmed (25.6 %, and 13 % less
     * audio to decode), and the acoustic model computes 99 frames at a time (28-31 % less CPU for
     * recognition than Kaldi's 20 in bench e2e, character error rate 25.0 % against 25.2 %, and half
     * the wrong values accepted on the espeak corpus).
     */
    public static SpeechSettings defaults() {
        return new SpeechSettings(false, 30, true, 99);
    }

    public SpeechSettings withUpsampling(boolean upsample) {
        return new SpeechSettings(upsample, maxAlternatives, trimSilence, framesPerChunk);
    }

    public SpeechSettings withTrimming(boolean trim) {
        return new SpeechSettings(upsampleTo16k, maxAlternatives, trim, framesPerChunk);
    }

    public SpeechSettings withFramesPerChunk(int frames) {
        return new SpeechSettings(upsampleTo16k, maxAlternatives, trimSilence, frames);
    }

    /** The decoder options these settings set over the model's own (Kaldi option names without dashes). */
    public Map<String, String> decoderOptions() {
        return framesPerChunk == 0 ? Map.of() : Map.of("frames-per-chunk", Integer.toString(framesPerChunk));
    }
}
