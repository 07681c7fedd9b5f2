package org.epicall.survey.language;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How a language's words are reduced to what they mean before an answer is interpreted: Korean
 * words lose their particles and endings and verbs come back as their stem (중국에서는 → 중국,
 * 그러겠습니다 / 그럴게요 → 그러), so the language pack lists each word once and every inflection
 * of it is understood. Endings that change what an answer means are kept as tokens of their own,
 * written with a leading {@value #ENDING} ("아니면" → 아니, -면), so the interpreter can refuse an
 * answer that is conditional, a question back, or qualified by "but".
 *
 * <p>The analysis comes from a maintained analyser (Lucene Nori, with its own dictionary for
 * Korean); the pack only says which endings are plain and which mean "but".
 *
 * @param analyzer        {@code nori} for Korean; {@code none} (the default) leaves words as they are
 * @param plainEndings    endings that change nothing about an answer (어요, 습니다, 죠, dialect 유, 카이),
 *                        dropped; any other ending is kept as a token
 * @param contrastEndings "but" endings (지만, 는데): after a polite preface ("고맙지만 사양할게요") the rest
 *                        is the answer, after an answer they qualify it
 * @param misreadParticles particles the analyser may take for a noun after a noun it does not know
 *                        (필리핀의 → 필리핀 + 의): dropped there, where other nouns written together
 *                        stay one word (기침약 is not 기침)
 */
public record Morphology(String analyzer, List<String> plainEndings, List<String> contrastEndings, List<String> misreadParticles) {

    /** Marks a kept ending in the lemma stream: {@code -면}. */
    public static final String ENDING = "-";

    /** Words as they are (English). */
    public static final Morphology NONE = new Morphology("none", List.of(), List.of(), List.of());

    private static final ConcurrentMap<List<Object>, Analysis> ANALYSES = new ConcurrentHashMap<>();

    /** What turns one word into its lemmas. Thread-safe. */
    interface Analysis {
        List<String> lemmas(String word);
    }

    public Morphology {
        analyzer = analyzer == null ? "none" : analyzer;
        if (!analyzer.equals("none") && !analyzer.equals("nori")) {
            throw new IllegalArgumentException("morphology.analyzer must be 'nori' or 'none', was '" + analyzer + "'");
        }
        plainEndings = LanguagePack.optional(plainEndings).stream().map(KoreanMorphology::compatibilityJamo).toList();
        contrastEndings = LanguagePack.optional(contrastEndings).stream().map(KoreanMorphology::compatibilityJamo).toList();
        misreadParticles = LanguagePack.optional(misreadParticles);
    }

    /**
     * The lemmas of a transcript already split into tokens ({@link LanguagePack#tokens(String)}):
     * each token's meaningful parts in order, kept endings as {@code -ending}. {@code [unk]} and
     * numbers pass through unchanged.
     */
    public List<String> lemmas(List<String> tokens) {
        return lemmas(tokens, Set.of());
    }

    /**
     * The lemmas of {@code tokens}, keeping {@code nouns} whole as the analyser's user dictionary
     * (a questionnaire's option names, which a general dictionary splits: 다낭 is not 다 + 낭, and
     * 차이나가 is 차이나 + 가).
     */
    public List<String> lemmas(List<String> tokens, Set<String> nouns) {
        Objects.requireNonNull(tokens, "tokens");
        if (analyzer.equals("none")) {
            return tokens;
        }
        Analysis analysis = ANALYSES.computeIfAbsent(List.of(this, Set.copyOf(nouns)),
                key -> new KoreanMorphology(this, Set.copyOf(nouns)));
        List<String> lemmas = new java.util.ArrayList<>();
        for (String token : tokens) {
            lemmas.addAll(analysis.lemmas(token));
        }
        return List.copyOf(lemmas);
    }

    /** Whether {@code lemma} is a kept ending ({@code -면}). */
    public static boolean isEnding(String lemma) {
        return lemma.length() > 1 && lemma.startsWith(ENDING);
    }

    /** Whether {@code lemma} is a kept "but" ending. */
    public boolean isContrast(String lemma) {
        return isEnding(lemma) && contrastEndings.contains(lemma.substring(ENDING.length()));
    }
}
