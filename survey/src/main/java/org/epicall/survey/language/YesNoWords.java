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
 * @param agree     words agreeing to a request (좋아요, 알겠습니다, 그럴게요): yes to a question that
 *                  asks permission, no answer to a question of fact ("do you have a fever?")
 * @param refuse    words refusing a request (싫어요, 사양할게요, 됐어요): no to a question that asks
 *                  permission; to a question of fact they decline to answer, which is not a "no"
 * @param negatorsAfter words after a verb that negate it (있지 않아요: 않): a yes becomes a no, a no
 *                  becomes no match (a double negation is not trusted)
 * @param questions words that ask something back (뭐라고요, 다시요, pardon): never an answer
 * @param factYes   words saying something is or happened (있어요, 했어요, 다녀왔어요): yes to a question of
 *                  fact, no answer to one that asks permission ("고맙습니다 있었어요" does not consent)
 * @param factNo    words saying something is not or did not happen (없어요, 안 갔어요): no to a question of
 *                  fact, no answer to one that asks permission
 * @param politeDeclines words that, said alone to a request, decline it (괜찮습니다: "no, thank you");
 *                  beside a yes or a no, or to a question of fact ("I'm fine"), they carry no answer
 */
public record YesNoWords(List<String> yes, List<String> no, List<String> unsure, List<String> negators, List<String> negatable,
                         List<String> neutral, List<String> agree, List<String> refuse, List<String> negatorsAfter,
                         List<String> questions, List<String> factYes, List<String> factNo,
                         List<String> politeDeclines) {

    public YesNoWords {
        yes = LanguagePack.required(yes, "yes_no.yes");
        no = LanguagePack.required(no, "yes_no.no");
        unsure = LanguagePack.optional(unsure);
        negators = LanguagePack.optional(negators);
        negatable = LanguagePack.optional(negatable);
        neutral = LanguagePack.optional(neutral);
        agree = LanguagePack.optional(agree);
        refuse = LanguagePack.optional(refuse);
        negatorsAfter = LanguagePack.optional(negatorsAfter);
        questions = LanguagePack.optional(questions);
        factYes = LanguagePack.optional(factYes);
        factNo = LanguagePack.optional(factNo);
        politeDeclines = LanguagePack.optional(politeDeclines);
    }

    /** Every word that can mean yes to some question: {@code yes}, {@code factYes} and {@code agree}. */
    public List<String> anyYes() {
        return java.util.stream.Stream.of(yes, factYes, agree).flatMap(List::stream).toList();
    }

    /** Every word that can mean no to some question: {@code no}, {@code factNo} and {@code refuse}. */
    public List<String> anyNo() {
        return java.util.stream.Stream.of(no, factNo, refuse).flatMap(List::stream).toList();
    }
}
