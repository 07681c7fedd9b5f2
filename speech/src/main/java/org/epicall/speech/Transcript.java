package org.epicall.speech;

import java.util.List;
import java.util.Objects;

/**
 * What the recogniser heard in one answer.
 *
 * @param text         the words separated by single spaces; empty when nothing was recognised.
 *                     Speech outside the grammar shows as {@value #GARBAGE}
 * @param words        the words with their confidence (0..1) and timing in seconds from the start
 * @param audioSeconds duration of the recognised audio
 * @param grammarUsed  true when the question's phrases constrained recognition; false for free transcription
 * @param alternatives the decoder's n-best hypotheses with their posterior probabilities (summing to
 *                     1), best first; {@code text} is the first
 */
public record Transcript(String text, List<Word> words, double audioSeconds, boolean grammarUsed, List<Alternative> alternatives) {

    /** How speech that matches no expected phrase appears in {@link #text()}. */
    public static final String GARBAGE = "[unk]";

    public Transcript {
        Objects.requireNonNull(text, "text");
        words = List.copyOf(words);
        alternatives = List.copyOf(alternatives);
    }

    /**
     * One n-best hypothesis.
     *
     * @param text      its words separated by single spaces
     * @param posterior its share of the n-best probability mass, 0..1
     */
    public record Alternative(String text, double posterior) {
    }

    /**
     * One recognised word.
     *
     * @param text       the word
     * @param confidence posterior probability of this word at this place, 0..1
     * @param startSec   start, seconds from the start of the audio
     * @param endSec     end, seconds from the start of the audio
     */
    public record Word(String text, double confidence, double startSec, double endSec) {
    }

    /** True when nothing at all was recognised. */
    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** True when some of the speech fell outside the grammar. */
    public boolean hasGarbage() {
        return words.stream().anyMatch(w -> w.text().equals(GARBAGE));
    }

    /**
     * The weakest word's confidence, 0 when nothing was recognised: an answer is only as sure as
     * its least certain word (a doubtful digit makes the whole number doubtful, however sure "점"
     * and "도" were).
     */
    public double confidence() {
        return words.stream().mapToDouble(Word::confidence).min().orElse(0.0);
    }
}
