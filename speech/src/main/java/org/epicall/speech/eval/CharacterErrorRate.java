package org.epicall.speech.eval;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Character edits between what was said and what was transcribed. Spacing, punctuation, case and the
 * garbage word are not counted: corpora space Korean their own way (Zeroth writes "동료 인", "이천 십
 * 팔 년"), and a recogniser's spacing is no error a resident would notice.
 *
 * @param edits      insertions, deletions and substitutions of characters (code points)
 * @param characters characters in the reference
 */
public record CharacterErrorRate(long edits, long characters) {

    public static final CharacterErrorRate NONE = new CharacterErrorRate(0, 0);

    /** The edits that turn {@code hypothesis} into {@code reference}. */
    public static CharacterErrorRate of(String reference, String hypothesis) {
        int[] ref = normalise(reference).codePoints().toArray();
        int[] hyp = normalise(hypothesis).codePoints().toArray();
        int[] previous = new int[hyp.length + 1];
        int[] current = new int[hyp.length + 1];
        for (int j = 0; j <= hyp.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= ref.length; i++) {
            current[0] = i;
            for (int j = 1; j <= hyp.length; j++) {
                int substitution = previous[j - 1] + (ref[i - 1] == hyp[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return new CharacterErrorRate(previous[hyp.length], ref.length);
    }

    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace("[unk]", "")
                .replaceAll("[\\s\\p{Punct}\\p{IsPunctuation}]", "");
    }

    /** The sum of two counts, for a rate over a corpus. */
    public CharacterErrorRate plus(CharacterErrorRate other) {
        return new CharacterErrorRate(edits + other.edits, characters + other.characters);
    }

    /** Edits per reference character, 0..(more than 1 when the transcript is longer than what was said). */
    public double rate() {
        return characters == 0 ? 0 : (double) edits / characters;
    }
}
