package org.epicall.survey.answer;

import java.util.Set;

/**
 * Rolls the recogniser's confidence and how much of the transcript was understood into one answer
 * confidence. Unknown words lower it: a lone "yes" in a long unrelated sentence is not trusted as
 * much as "yes" alone. Fillers count as neither.
 */
final class Coverage {

    private final Set<String> echo;
    private int known;
    private int unknown;

    Coverage() {
        this(Set.of());
    }

    /** @param echo words of the question itself, which count as understood when said back */
    Coverage(Set<String> echo) {
        this.echo = echo;
    }

    /** An item no phrase matched: understood if it echoes the question, else not. */
    void unknown(PhraseMatcher.Item<?> item) {
        if (echo.contains(item.text())) {
            known += item.length();
        } else {
            unknown += item.length();
        }
    }

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
