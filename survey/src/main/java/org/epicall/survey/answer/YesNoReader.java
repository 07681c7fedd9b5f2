package org.epicall.survey.answer;

import java.util.List;
import java.util.Set;

import org.epicall.survey.language.LanguagePack;
import org.epicall.survey.language.YesNoWords;
import org.epicall.survey.questionnaire.YesNoPhrases;

/**
 * Reads yes or no. Contradictions ("네 아니요") and admissions of not knowing are no match; a
 * negator before a yes-phrase makes it a no ("안 했어요", "not really" is listed as a phrase).
 */
final class YesNoReader {

    private enum Meaning { YES, NO, UNSURE, NEGATOR, NEUTRAL, FILLER }

    private YesNoReader() {
    }

    /**
     * @param echo words of the question itself; said back ("열이 나요" to "열이 있으십니까?") they
     *             carry no answer but do not count as misunderstood either
     */
    static Interpretation read(LanguagePack pack, YesNoPhrases own, List<String> tokens, double recogniserConfidence, Set<String> echo) {
        PhraseMatcher<Meaning> matcher = IdentityCache.SHARED.get("yes_no", pack, own, () -> matcher(pack, own));
        List<PhraseMatcher.Item<Meaning>> items = matcher.match(tokens).stream()
                .filter(item -> !item.is(Meaning.FILLER))
                .toList();
        boolean yes = false;
        boolean no = false;
        boolean unsure = false;
        boolean strayNegation = false;
        Coverage coverage = new Coverage(echo);
        for (int i = 0; i < items.size(); i++) {
            PhraseMatcher.Item<Meaning> item = items.get(i);
            boolean beforeYes = item.is(Meaning.NEGATOR) && i + 1 < items.size() && items.get(i + 1).is(Meaning.YES);
            if (beforeYes && !pack.yesNo().negatable().contains(items.get(i + 1).text())) {
                return Interpretation.noMatch("'" + item.text() + " " + items.get(i + 1).text() + "' negates a word that cannot be negated");
            }
            if (beforeYes) {
                no = true;
                coverage.known(item.length() + items.get(i + 1).length());
                i++;
            } else if (item.is(Meaning.NEUTRAL)) {
                coverage.known(item.length());
            } else if (item.is(Meaning.NEGATOR) && !item.is(Meaning.NO)) {
                strayNegation = true;
                coverage.unknown(item);
            } else if (item.is(Meaning.YES) || item.is(Meaning.NO) || item.is(Meaning.UNSURE)) {
                yes |= item.is(Meaning.YES);
                no |= item.is(Meaning.NO);
                unsure |= item.is(Meaning.UNSURE);
                coverage.known(item.length());
            } else {
                coverage.unknown(item);
            }
        }
        if (unsure) {
            return Interpretation.noMatch("the resident said they are not sure");
        }
        if (yes && no) {
            return Interpretation.noMatch("contradiction: heard both yes and no");
        }
        if (!yes && !no) {
            return Interpretation.noMatch("no yes or no word heard");
        }
        if (yes && strayNegation) {
            // "I have travelled but not recently": the negation may undo the yes.
            return Interpretation.noMatch("a yes with a negation that attaches to nothing I know");
        }
        return Interpretation.of(yes, coverage.confidence(recogniserConfidence));
    }

    private static PhraseMatcher<Meaning> matcher(LanguagePack pack, YesNoPhrases own) {
        YesNoWords words = pack.yesNo();
        return new PhraseMatcher<Meaning>(List.of())
                .add(words.yes(), Meaning.YES)
                .add(words.no(), Meaning.NO)
                .add(own.yes(pack.language()), Meaning.YES)
                .add(own.no(pack.language()), Meaning.NO)
                .add(words.unsure(), Meaning.UNSURE)
                .add(words.negators(), Meaning.NEGATOR)
                .add(words.neutral(), Meaning.NEUTRAL)
                .add(pack.fillers(), Meaning.FILLER);
    }
}
