package org.epicall.survey.language;

import java.util.List;

/**
 * Korean particle forms offered to the recogniser after a choice word. Which form is right depends
 * on whether the word ends in a consonant (기침이) or a vowel (목감기가). Empty for languages without
 * particles.
 *
 * @param afterConsonant forms after a syllable with a final consonant (받침)
 * @param afterVowel     forms after a syllable without one
 */
public record ParticleForms(List<String> afterConsonant, List<String> afterVowel) {

    private static final char FIRST_SYLLABLE = '가';
    private static final char LAST_SYLLABLE = '힣';
    private static final int FINALS = 28;

    public ParticleForms {
        afterConsonant = LanguagePack.optional(afterConsonant);
        afterVowel = LanguagePack.optional(afterVowel);
    }

    /** The forms that fit after {@code word}; none when it does not end in a Hangul syllable. */
    public List<String> after(String word) {
        if (word.isEmpty()) {
            return List.of();
        }
        char last = word.charAt(word.length() - 1);
        if (last < FIRST_SYLLABLE || last > LAST_SYLLABLE) {
            return List.of();
        }
        return (last - FIRST_SYLLABLE) % FINALS == 0 ? afterVowel : afterConsonant;
    }
}
