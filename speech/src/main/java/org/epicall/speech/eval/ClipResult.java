package org.epicall.speech.eval;

import org.epicall.corpus.Corpus;
import org.epicall.speech.Answer;
import org.epicall.survey.answer.Decision;

import java.math.BigDecimal;
import java.util.List;

/**
 * One corpus clip run through the full path.
 *
 * @param clip   the clip and what it should become
 * @param answer what epicall made of it on the first ask
 */
public record ClipResult(Corpus.Clip clip, Answer answer) {

    /** Whether the clip is a yes/no or number answer: the classes the accuracy goal is about. */
    public boolean isYesNoOrNumber() {
        return isYesNo() || isNumber();
    }

    public boolean isYesNo() {
        return clip.expected().equals("yes") || clip.expected().equals("no");
    }

    public boolean isNumber() {
        return clip.expected().matches("-?\\d+(\\.\\d+)?");
    }

    /** The interpreted value is the expected one (for no-match clips: no value at all). */
    public boolean valueCorrect() {
        Object value = answer.value();
        String expected = clip.expected();
        if (clip.isNoMatch()) {
            return value == null;
        }
        if (value == null) {
            return false;
        }
        if (isYesNo()) {
            return value.equals(expected.equals("yes"));
        }
        if (isNumber()) {
            return value instanceof BigDecimal number && number.compareTo(new BigDecimal(expected)) == 0;
        }
        return value instanceof List<?> options ? options.equals(List.of(expected)) : value.toString().equals(expected);
    }

    public boolean accepted() {
        return answer.decision() == Decision.ACCEPT;
    }

    /** The harm the goal forbids: a value that is not what was said, accepted above the threshold. */
    public boolean wrongAccepted() {
        return accepted() && !valueCorrect();
    }

    /** Word-level edit distance between what was said and the transcript, and the reference length. */
    public int[] wordErrors() {
        List<String> ref = words(clip.text());
        List<String> hyp = words(answer.transcript().text());
        int[] prev = new int[hyp.size() + 1];
        int[] cur = new int[hyp.size() + 1];
        for (int j = 0; j <= hyp.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= ref.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= hyp.size(); j++) {
                int sub = prev[j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return new int[] {prev[hyp.size()], ref.size()};
    }

    private static List<String> words(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }
}
