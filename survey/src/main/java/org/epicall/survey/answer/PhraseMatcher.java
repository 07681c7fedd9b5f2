package org.epicall.survey.answer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.epicall.survey.language.LanguagePack;

/**
 * Finds known phrases in a token list, longest first, left to right, without overlaps. Tokens
 * not covered by a phrase come back as unknown items, so callers see the whole transcript.
 * Optionally a token may carry a Korean particle after the phrase word (기침이 matches 기침).
 * Phrases are split the way the transcript was: into tokens, or into lemmas where the caller
 * matches lemmas ({@link LanguagePack#lemmas(String)}), so that a pack phrase matches every
 * inflection of its words.
 *
 * @param <L> what a phrase means; a phrase may mean several things at once (없어요: "none" and a denial)
 */
final class PhraseMatcher<L> {

    /** A stretch of tokens: a known phrase with its meanings, or one unknown token (no meanings). */
    record Item<L>(int start, int end, Set<L> labels, String text) {
        boolean known() {
            return !labels.isEmpty();
        }

        boolean is(L label) {
            return labels.contains(label);
        }

        int length() {
            return end - start;
        }
    }

    private final Map<List<String>, Set<L>> phrases = new LinkedHashMap<>();
    private final List<String> particles;
    private final Function<String, List<String>> split;
    private int longest = 1;

    /** A matcher of phrases split into tokens. */
    PhraseMatcher(List<String> particles) {
        this(particles, LanguagePack::tokenize);
    }

    /** A matcher of phrases split by {@code split}, which must split transcripts the same way. */
    PhraseMatcher(List<String> particles, Function<String, List<String>> split) {
        this.particles = List.copyOf(particles);
        this.split = split;
    }

    PhraseMatcher<L> add(Collection<String> texts, L label) {
        for (String text : texts) {
            List<String> tokens = split.apply(text);
            if (!tokens.isEmpty()) {
                phrases.computeIfAbsent(tokens, key -> new LinkedHashSet<>()).add(label);
                longest = Math.max(longest, tokens.size());
            }
        }
        return this;
    }

    List<Item<L>> match(List<String> tokens) {
        List<Item<L>> items = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Item<L> best = null;
            for (int length = Math.min(longest, tokens.size() - i); length >= 1 && best == null; length--) {
                best = exact(tokens, i, length);
                if (best == null && !particles.isEmpty()) {
                    best = withParticle(tokens, i, length);
                }
            }
            if (best == null) {
                best = new Item<>(i, i + 1, Set.of(), tokens.get(i));
            }
            items.add(best);
            i = best.end();
        }
        return items;
    }

    private Item<L> exact(List<String> tokens, int start, int length) {
        List<String> window = tokens.subList(start, start + length);
        Set<L> labels = phrases.get(window);
        return labels == null ? null : new Item<>(start, start + length, Set.copyOf(labels), String.join(" ", window));
    }

    private Item<L> withParticle(List<String> tokens, int start, int length) {
        for (Map.Entry<List<String>, Set<L>> phrase : phrases.entrySet()) {
            List<String> words = phrase.getKey();
            if (words.size() == length && matchesWithParticles(words, tokens.subList(start, start + length))) {
                return new Item<>(start, start + length, Set.copyOf(phrase.getValue()),
                        String.join(" ", tokens.subList(start, start + length)));
            }
        }
        return null;
    }

    private boolean matchesWithParticles(List<String> words, List<String> window) {
        for (int k = 0; k < words.size(); k++) {
            String word = words.get(k);
            String token = window.get(k);
            if (!token.equals(word) && !(token.startsWith(word) && particles.contains(token.substring(word.length())))) {
                return false;
            }
        }
        return true;
    }
}
