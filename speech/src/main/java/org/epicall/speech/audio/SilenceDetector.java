package org.epicall.speech.audio;

/**
 * Tells a recording with speech from one without: the loudest 20 ms frame must reach a threshold.
 *
 * <p>The default, -50 dBFS RMS, sits well above line hiss on a quiet telephone line (about -60 to
 * -70 dBFS) and far below quiet speech (about -35 to -25 dBFS). Immutable and thread-safe.
 */
public final class SilenceDetector {

    public static final double DEFAULT_THRESHOLD_DBFS = -50.0;

    private static final double FRAME_SECONDS = 0.02;

    private final double thresholdDbfs;

    public SilenceDetector(double thresholdDbfs) {
        if (!(thresholdDbfs < 0)) {
            throw new IllegalArgumentException("silence threshold must be below 0 dBFS, got " + thresholdDbfs);
        }
        this.thresholdDbfs = thresholdDbfs;
    }

    public SilenceDetector() {
        this(DEFAULT_THRESHOLD_DBFS);
    }

    public double thresholdDbfs() {
        return thresholdDbfs;
    }

    /** True when no 20 ms frame reaches the threshold. */
    public boolean isSilent(TelephoneAudio audio) {
        return loudestFrameDbfs(audio) < thresholdDbfs;
    }

    /** RMS level of the loudest 20 ms frame in dBFS; {@code -Infinity} for digital silence. */
    public double loudestFrameDbfs(TelephoneAudio audio) {
        int frame = Math.max(1, (int) Math.round(audio.sampleRate() * FRAME_SECONDS));
        double loudest = 0;
        for (int start = 0; start < audio.sampleCount(); start += frame) {
            int end = Math.min(audio.sampleCount(), start + frame);
            double sum = 0;
            for (int i = start; i < end; i++) {
                double s = audio.sample(i);
                sum += s * s;
            }
            loudest = Math.max(loudest, Math.sqrt(sum / (end - start)));
        }
        return 20 * Math.log10(loudest / 32768.0);
    }
}
