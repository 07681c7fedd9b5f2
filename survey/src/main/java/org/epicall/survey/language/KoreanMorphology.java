package org.epicall.survey.language;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.KoMorphData;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.AttributeFactory;

/**
 * Korean words to lemmas with Lucene's Nori analyser: particles (J*), derivational suffixes (동의+하,
 * 당연+하), the copula (중국+이에요) and punctuation are dropped; verbs and adjectives come back as
 * their stem; endings, pre-final ones included, are dropped when the pack lists them as plain
 * (어요, 습니다, the honorific 시) and kept as {@code -ending} otherwise, so tense and intent survive
 * (됐어요 → 되, -었: "no thanks", where 돼요 → 되: "that's fine"). Words are analysed one at a time (the recogniser's words are
 * the unit a resident said) and remembered, so a call's n-best list costs a few map look-ups.
 * Thread-safe.
 */
final class KoreanMorphology implements Morphology.Analysis {

    private static final int CACHE_LIMIT = 100_000;
    /** Conjoining jamo as Nori writes endings (ᆯ게요, ᄇ니다), and the compatibility jamo people type (ㄹ게요). */
    private static final String CHOSEONG = "ᄀᄁᄂᄃᄄᄅᄆᄇᄈᄉᄊᄋᄌᄍᄎᄏᄐᄑᄒ";
    private static final String CHOSEONG_COMPAT = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
    private static final String JONGSEONG = "ᆨᆩᆪᆫᆬᆭᆮᆯᆰᆱᆲᆳᆴᆵᆶᆷᆸᆹᆺᆻᆼᆽᆾᆿᇀᇁᇂ";
    private static final String JONGSEONG_COMPAT = "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";

    private final Morphology rules;
    private final UserDictionary nouns;
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();
    private final Queue<KoreanTokenizer> tokenizers = new ConcurrentLinkedQueue<>();

    /** @param nouns words to keep whole (Nori's user dictionary); only single Hangul words are used */
    KoreanMorphology(Morphology rules, Set<String> nouns) {
        this.rules = rules;
        this.nouns = userDictionary(nouns);
    }

    private static UserDictionary userDictionary(Set<String> nouns) {
        List<String> entries = nouns.stream().filter(noun -> !noun.isEmpty() && noun.chars().allMatch(c -> c >= 0xAC00 && c <= 0xD7A3))
                .sorted().toList();
        if (entries.isEmpty()) {
            return null;
        }
        try {
            return UserDictionary.open(new StringReader(String.join("\n", entries)));
        } catch (IOException impossible) {
            throw new UncheckedIOException("reading a string cannot fail", impossible);
        }
    }

    @Override
    public List<String> lemmas(String word) {
        List<String> cached = cache.get(word);
        if (cached != null) {
            return cached;
        }
        List<String> lemmas = analyse(word);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(word, lemmas);
        return lemmas;
    }

    private List<String> analyse(String word) {
        if (word.chars().noneMatch(KoreanMorphology::isHangul)) {
            return List.of(word);
        }
        KoreanTokenizer tokenizer = tokenizers.poll();
        if (tokenizer == null) {
            tokenizer = new KoreanTokenizer(AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY, nouns,
                    KoreanTokenizer.DecompoundMode.NONE, false, true);
        }
        try {
            List<KoMorphData.Morpheme> morphemes = new ArrayList<>();
            tokenizer.setReader(new StringReader(word));
            tokenizer.reset();
            CharTermAttribute term = tokenizer.getAttribute(CharTermAttribute.class);
            PartOfSpeechAttribute pos = tokenizer.getAttribute(PartOfSpeechAttribute.class);
            while (tokenizer.incrementToken()) {
                KoMorphData.Morpheme[] parts = pos.getMorphemes();
                if (pos.getPOSType() == POS.Type.COMPOUND || parts == null || parts.length == 0) {
                    morphemes.add(new KoMorphData.Morpheme(pos.getLeftPOS(), term.toString()));
                } else {
                    morphemes.addAll(List.of(parts));
                }
            }
            tokenizer.end();
            List<String> lemmas = new ArrayList<>();
            for (KoMorphData.Morpheme morpheme : compounds(morphemes)) {
                keep(morpheme.surfaceForm(), morpheme.posTag(), lemmas);
            }
            return List.copyOf(lemmas);
        } catch (IOException impossible) {
            throw new UncheckedIOException("reading a string cannot fail", impossible);
        } finally {
            try {
                tokenizer.close();
            } catch (IOException ignored) {
                // closing a string reader cannot fail
            }
            tokenizers.offer(tokenizer);
        }
    }

    /**
     * Nouns written together are one word: 기침약 (cough medicine) does not name 기침 (cough), even
     * where the analyser splits it. A particle the analyser took for a noun after a noun it did not
     * know (필리핀의 → 필리핀 + 의) is dropped instead.
     */
    private List<KoMorphData.Morpheme> compounds(List<KoMorphData.Morpheme> morphemes) {
        List<KoMorphData.Morpheme> out = new ArrayList<>();
        for (KoMorphData.Morpheme morpheme : morphemes) {
            KoMorphData.Morpheme previous = out.isEmpty() ? null : out.getLast();
            if (previous != null && isNoun(previous.posTag()) && isNoun(morpheme.posTag())) {
                if (rules.misreadParticles().contains(morpheme.surfaceForm())) {
                    continue;
                }
                out.set(out.size() - 1, new KoMorphData.Morpheme(previous.posTag(), previous.surfaceForm() + morpheme.surfaceForm()));
            } else {
                out.add(morpheme);
            }
        }
        return out;
    }

    private static boolean isNoun(POS.Tag tag) {
        return tag == POS.Tag.NNG || tag == POS.Tag.NNP;
    }

    private void keep(String surface, POS.Tag tag, List<String> lemmas) {
        String name = tag.name();
        if (name.startsWith("J") || tag == POS.Tag.XSV || tag == POS.Tag.XSA || tag == POS.Tag.XSN
                || tag == POS.Tag.VCP || tag == POS.Tag.SP || tag == POS.Tag.SF || tag == POS.Tag.SE || tag == POS.Tag.SSO
                || tag == POS.Tag.SSC || tag == POS.Tag.SC || tag == POS.Tag.SY) {
            return;
        }
        if (name.startsWith("E")) {
            String ending = compatibilityJamo(surface);
            if (!rules.plainEndings().contains(ending)) {
                lemmas.add(Morphology.ENDING + ending);
            }
            return;
        }
        lemmas.add(surface);
    }

    /** ᆯ게요 → ㄹ게요: endings as Nori writes them, in the letters a pack author types. */
    static String compatibilityJamo(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int cho = CHOSEONG.indexOf(c);
            int jong = JONGSEONG.indexOf(c);
            out.append(cho >= 0 ? CHOSEONG_COMPAT.charAt(cho) : jong >= 0 ? JONGSEONG_COMPAT.charAt(jong) : c);
        }
        return out.toString();
    }

    private static boolean isHangul(int c) {
        return c >= 0xAC00 && c <= 0xD7A3 || c >= 0x1100 && c <= 0x11FF || c >= 0x3131 && c <= 0x318E;
    }
}
