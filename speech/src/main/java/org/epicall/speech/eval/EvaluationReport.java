package org.epicall.speech.eval;

import org.epicall.survey.answer.Decision;

import java.util.List;
import java.util.function.Predicate;

/**
 * Accuracy figures over a corpus run.
 *
 * @param language    the corpus language
 * @param upsampled   whether 8 kHz audio was resampled to 16 kHz
 * @param results     one per clip
 */
public record EvaluationReport(String language, boolean upsampled, List<ClipResult> results) {

    public EvaluationReport {
        results = List.copyOf(results);
    }

    /** Share of yes/no and number answers whose interpreted value is right (whatever the decision). */
    public double answerAccuracy() {
        return share(ClipResult::isYesNoOrNumber, ClipResult::valueCorrect);
    }

    public double yesNoAccuracy() {
        return share(ClipResult::isYesNo, ClipResult::valueCorrect);
    }

    public double numberAccuracy() {
        return share(ClipResult::isNumber, ClipResult::valueCorrect);
    }

    /** Share of yes/no and number answers accepted with the right value on the first ask. */
    public double acceptedCorrectShare() {
        return share(ClipResult::isYesNoOrNumber, r -> r.accepted() && r.valueCorrect());
    }

    /** Word error rate: word edits over reference words, over all clips. */
    public double wordErrorRate() {
        long errors = 0;
        long words = 0;
        for (ClipResult r : results) {
            int[] e = r.wordErrors();
            errors += e[0];
            words += e[1];
        }
        return words == 0 ? 0 : (double) errors / words;
    }

    /** Share of all clips that the first ask sends to a re-ask. */
    public double reaskShare() {
        return share(r -> true, r -> r.answer().decision() == Decision.REASK);
    }

    /** Share of all clips that would go to the keypad (second voice ask failing the same way). */
    public double keypadShare() {
        return share(r -> true, r -> r.answer().decision() == Decision.KEYPAD || r.answer().decision() == Decision.REASK);
    }

    /** Clips whose wrong value was accepted above the question's threshold: the goal is none. */
    public List<ClipResult> wrongAccepted() {
        return results.stream().filter(ClipResult::wrongAccepted).toList();
    }

    public long count(Predicate<ClipResult> which) {
        return results.stream().filter(which).count();
    }

    private double share(Predicate<ClipResult> among, Predicate<ClipResult> hit) {
        long n = results.stream().filter(among).count();
        return n == 0 ? 0 : (double) results.stream().filter(among).filter(hit).count() / n;
    }
}
