package org.epicall.survey.language;

import java.util.List;

/**
 * Yes/no vocabulary of a language.
 *
 * @param yes       phrases meaning yes (for Korean including 있어요, "there is")
 * @param no        phrases meaning no (including 없어요, "there is none", and negated verbs)
 * @param unsure    phrases admitting not knowing; an answer containing one is never yes or no
 * @param negators  words that turn the negatable yes-phrase right after them into a no (안 했어요)
 * @param negatable the yes-phrases a negator may turn into a no (verbs, not interjections like 네);
 *                  a negator before any other yes-phrase makes the answer no match
 * @param neutral   known words that go with either answer and carry none ("괜찮아요", "thank you")
 */
public record YesNoWords(List<String> yes, List<String> no, List<String> unsure, List<String> negators, List<String> negatable,
                         List<String> neutral) {

    public YesNoWords {
        yes = LanguagePack.required(yes, "yes_no.yes");
        no = LanguagePack.required(no, "yes_no.no");
        unsure = LanguagePack.optional(unsure);
        negators = LanguagePack.optional(negators);
        negatable = LanguagePack.optional(negatable);
        neutral = LanguagePack.optional(neutral);
    }
}
