package org.epicall.survey.answer;

/**
 * Rolls the recogniser's confidence and how much of the transcript was understood into one answer
 * confidence. Unknown words lower it: a lone "yes" in a long unrelated sentence is not trusted as
 * much as "yes" alone. Fillers count as neither.
 */
final class Coverage {

    private int known;
    private int unknown;

    void known(int tokens) {
        known += tokens;
    }

    void unknown(int tokens) {
        unknown += tokens;
    }

    /** {@code recogniser × (0.5 + 0.5 × known / (known + unknown))}, in 0..1. */
    double confidence(double recogniser) {
        double share = known + unknown == 0 ? 0 : (double) known / (known + unknown);
        return clamp(recogniser * (0.5 + 0.5 * share));
    }

    static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
