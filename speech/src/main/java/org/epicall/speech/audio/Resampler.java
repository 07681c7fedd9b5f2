package org.epicall.speech.audio;

/**
 * Doubles the sample rate (8 kHz telephone audio to the 16 kHz the models were trained on) by zero
 * stuffing and a windowed-sinc low-pass at the old Nyquist frequency.
 *
 * <p>Stateless and thread-safe.
 */
public final class Resampler {

    private static final int HALF_TAPS = 16;
    private static final double[] KERNEL = kernel();

    /** Returns {@code audio} at twice its rate; the duration is unchanged. */
    public TelephoneAudio doubleRate(TelephoneAudio audio) {
        short[] in = audio.samples();
        short[] out = new short[in.length * 2];
        for (int n = 0; n < out.length; n++) {
            double acc = 0;
            // Only even positions of the zero-stuffed signal are non-zero: sum over those.
            for (int k = -2 * HALF_TAPS + 1; k < 2 * HALF_TAPS; k++) {
                int m = n - k;
                if (m < 0 || m >= out.length || (m & 1) != 0) {
                    continue;
                }
                acc += in[m / 2] * KERNEL[k + 2 * HALF_TAPS];
            }
            out[n] = clamp(acc);
        }
        return TelephoneAudio.ofSamples(out, audio.sampleRate() * 2, audio.source());
    }

    private static double[] kernel() {
        double[] h = new double[4 * HALF_TAPS + 1];
        int centre = 2 * HALF_TAPS;
        for (int i = 0; i < h.length; i++) {
            int k = i - centre;
            // Cut-off at a quarter of the new rate; gain 2 restores the level lost to zero stuffing.
            double sinc = k == 0 ? 1.0 : Math.sin(Math.PI * k / 2.0) / (Math.PI * k / 2.0);
            double window = 0.5 + 0.5 * Math.cos(Math.PI * k / (2.0 * HALF_TAPS));
            h[i] = sinc * window;
        }
        return h;
    }

    private static short clamp(double v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
    }
}
