package org.epicall.survey.answer;

import java.util.List;
import java.util.Set;

import org.epicall.survey.language.LanguagePack;
import org.epicall.survey.language.Morphology;
import org.epicall.survey.language.YesNoWords;
import org.epicall.survey.questionnaire.YesNoPhrases;

/**
 * Reads yes or no from an answer's lemmas ({@link LanguagePack#lemmas(String)}), so every
 * inflection of a pack word counts (그래요, 그래, 그렇죠, 그렇습니다 are one word).
 *
 * <p>What is never a yes or a no: a contradiction ("네 아니요"); not knowing (its own outcome,
 * {@link Interpretation#doesNotKnow()}, beside any answer word too); a question back (뭐라고요, an
 * ending that asks: 있나요, 있습니까); an answer qualified by a condition or "but" (아니면, 네 다녀왔는데
 * …) — a "but" after a polite preface alone is fine (고맙지만 사양할게요); a double negation (없지
 * 않아요); a negation that attaches to nothing known. Agreeing and refusing words (좋아요, 사양할게요)
 * answer only a question that asks permission; to a question of fact, a refusal declines to answer
 * and agreement says nothing. A polite decline (괜찮습니다) alone refuses a request and is nothing
 * beside an answer or to a question of fact.
 */
final class YesNoReader {

    private enum Meaning { YES, NO, FACT_YES, FACT_NO, AGREE, REFUSE, POLITE_DECLINE, UNSURE, NEGATOR, NEGATOR_AFTER, QUESTION, NEUTRAL, FILLER }

    private YesNoReader() {
    }

    /**
     * @param asksPermission whether agreeing means yes and refusing means no (consent, "may we call you back?")
     * @param lemmas         the transcript's lemmas
     * @param echo           lemmas of the question itself; said back ("열이 나요" to "열이 있으십니까?") they
     *                       carry no answer but do not count as misunderstood either
     */
    static Interpretation read(LanguagePack pack, YesNoPhrases own, boolean asksPermission, List<String> lemmas,
                               double recogniserConfidence, Set<String> echo) {
        PhraseMatcher<Meaning> matcher = IdentityCache.SHARED.get("yes_no", pack, own, () -> matcher(pack, own));
        Set<List<String>> negatable = IdentityCache.SHARED.get("negatable", pack, null,
                () -> Set.copyOf(pack.yesNo().negatable().stream().map(pack::lemmas).toList()));
        List<PhraseMatcher.Item<Meaning>> items = matcher.match(lemmas).stream()
                .filter(item -> !(item.labels().size() == 1 && item.is(Meaning.FILLER)))
                .toList();
        if (items.stream().anyMatch(item -> item.is(Meaning.UNSURE))) {
            // Not knowing outweighs whatever else was said: "아니 난 모르겠더라" is no "no".
            return Interpretation.doesNotKnow("the resident said they do not know");
        }
        boolean yes = false;
        boolean no = false;
        boolean factYes = false;
        boolean factNo = false;
        boolean agree = false;
        boolean refuse = false;
        boolean strayNegation = false;
        boolean politeDecline = false;
        Coverage coverage = new Coverage(echo);
        for (int i = 0; i < items.size(); i++) {
            PhraseMatcher.Item<Meaning> item = items.get(i);
            boolean answered = yes || no || factYes || factNo || agree || refuse;
            if (!item.known() && Morphology.isEnding(item.text())) {
                if (pack.morphology().isContrast(item.text()) && !answered) {
                    coverage.known(item.length());
                    continue;
                }
                return Interpretation.noMatch("'" + item.text() + "' makes the answer conditional, qualified or a question");
            }
            if (item.is(Meaning.QUESTION)) {
                return Interpretation.noMatch("the resident asked something back ('" + item.text() + "')");
            }
            PhraseMatcher.Item<Meaning> next = i + 1 < items.size() ? items.get(i + 1) : null;
            if (item.is(Meaning.NEGATOR) && next != null && answerWord(next)) {
                if (!negatable.contains(List.of(next.text().split(" ")))) {
                    return Interpretation.noMatch("'" + item.text() + " " + next.text() + "' negates a word that cannot be negated");
                }
                if (next.is(Meaning.NO) || next.is(Meaning.FACT_NO) || next.is(Meaning.REFUSE)) {
                    return Interpretation.noMatch("'" + item.text() + " " + next.text() + "' is a double negation");
                }
                no |= next.is(Meaning.YES);
                factNo |= next.is(Meaning.FACT_YES);
                refuse |= next.is(Meaning.AGREE);
                coverage.known(item.length() + next.length());
                i++;
                continue;
            }
            if (answerWord(item) && next != null && next.is(Meaning.NEGATOR_AFTER) && !answerWord(next)) {
                if (item.is(Meaning.NO) || item.is(Meaning.FACT_NO) || item.is(Meaning.REFUSE)) {
                    return Interpretation.noMatch("'" + item.text() + " " + next.text() + "' is a double negation");
                }
                no |= item.is(Meaning.YES);
                factNo |= item.is(Meaning.FACT_YES);
                refuse |= item.is(Meaning.AGREE);
                coverage.known(item.length() + next.length());
                i++;
                continue;
            }
            if (answerWord(item)) {
                yes |= item.is(Meaning.YES);
                no |= item.is(Meaning.NO);
                factYes |= item.is(Meaning.FACT_YES);
                factNo |= item.is(Meaning.FACT_NO);
                agree |= item.is(Meaning.AGREE);
                refuse |= item.is(Meaning.REFUSE);
                coverage.known(item.length());
            } else if (item.is(Meaning.POLITE_DECLINE)) {
                politeDecline = true;
                coverage.known(item.length());
            } else if (item.is(Meaning.NEUTRAL)) {
                coverage.known(item.length());
            } else if (item.is(Meaning.NEGATOR) || item.is(Meaning.NEGATOR_AFTER)) {
                strayNegation = true;
                coverage.unknown(item);
            } else {
                coverage.unknown(item);
            }
        }
        if (asksPermission) {
            if ((factYes || factNo) && !yes && !no && !agree && !refuse) {
                return Interpretation.noMatch("saying something is or happened does not answer a request");
            }
            if ((yes || agree) && factNo || (no || refuse) && factYes) {
                return Interpretation.noMatch("contradiction: heard both yes and no");
            }
            yes |= agree;
            no |= refuse || politeDecline && !yes && !no;
        } else if (refuse) {
            return Interpretation.noMatch("the resident declined to answer, which is not a no");
        } else if (agree && !yes && !no && !factYes && !factNo) {
            return Interpretation.noMatch("agreeing is no answer to a question of fact");
        } else {
            yes |= factYes;
            no |= factNo;
        }
        if (yes && no) {
            return Interpretation.noMatch("contradiction: heard both yes and no");
        }
        if (!yes && !no) {
            return Interpretation.noMatch("no yes or no word heard");
        }
        if (strayNegation) {
            // "I have travelled but not recently": the negation may undo the answer.
            return Interpretation.noMatch("an answer with a negation that attaches to nothing I know");
        }
        return Interpretation.of(yes, coverage.confidence(recogniserConfidence));
    }

    private static boolean answerWord(PhraseMatcher.Item<Meaning> item) {
        return item.is(Meaning.YES) || item.is(Meaning.NO) || item.is(Meaning.FACT_YES) || item.is(Meaning.FACT_NO)
                || item.is(Meaning.AGREE) || item.is(Meaning.REFUSE);
    }

    private static PhraseMatcher<Meaning> matcher(LanguagePack pack, YesNoPhrases own) {
        YesNoWords words = pack.yesNo();
        return new PhraseMatcher<Meaning>(List.of(), pack::lemmas)
                .add(words.yes(), Meaning.YES)
                .add(words.no(), Meaning.NO)
                .add(words.factYes(), Meaning.FACT_YES)
                .add(words.factNo(), Meaning.FACT_NO)
                .add(own.yes(pack.language()), Meaning.YES)
                .add(own.no(pack.language()), Meaning.NO)
                .add(words.agree(), Meaning.AGREE)
                .add(words.refuse(), Meaning.REFUSE)
                .add(words.politeDeclines(), Meaning.POLITE_DECLINE)
                .add(words.unsure(), Meaning.UNSURE)
                .add(words.negators(), Meaning.NEGATOR)
                .add(words.negatorsAfter(), Meaning.NEGATOR_AFTER)
                .add(words.questions(), Meaning.QUESTION)
                .add(words.neutral(), Meaning.NEUTRAL)
                .add(pack.fillers(), Meaning.FILLER);
    }
}
