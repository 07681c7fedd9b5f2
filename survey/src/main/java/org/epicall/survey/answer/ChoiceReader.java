package org.epicall.survey.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.epicall.survey.language.ChoiceWords;
import org.epicall.survey.language.LanguagePack;
import org.epicall.survey.language.Morphology;
import org.epicall.survey.questionnaire.ChoiceOption;
import org.epicall.survey.questionnaire.ChoiceSpec;

/**
 * Reads the options named in an answer, from its lemmas (중국에서는, 중국이요 and 중국이에요 all name
 * 중국). An ending that makes the answer conditional or a question is no match. A denied option ("기침은 없어요", "no cough") is not chosen;
 * a joining word (랑, and) with no option before it means an option was not heard: no match;
 * an option both named and denied, an exclusive option ("none") beside another, several options for
 * a single choice, or a phrase shared by two options are all no match.
 */
final class ChoiceReader {

    private sealed interface Meaning permits Option, Denial, Role {
    }

    private record Option(String id) implements Meaning {
    }

    private record Denial(String id) implements Meaning {
    }

    private enum Role implements Meaning { DENY_BEFORE, DENY_AFTER, NEGATION, AFFIRM, JOIN, FILLER }

    private record Mention(String optionId, boolean denied) {
    }

    private ChoiceReader() {
    }

    /**
     * @param lemmas the transcript's lemmas ({@link LanguagePack#lemmas(String)}: 중국에서는 → 중국)
     * @param echo   lemmas of the question itself
     */
    static Interpretation read(LanguagePack pack, ChoiceSpec spec, List<String> lemmas, double recogniserConfidence,
                               Set<String> echo) {
        PhraseMatcher<Meaning> matcher = IdentityCache.SHARED.get("choice", pack, spec, () -> matcher(pack, spec));
        List<PhraseMatcher.Item<Meaning>> items = matcher.match(lemmas).stream()
                .filter(item -> !(item.labels().size() == 1 && item.is(Role.FILLER)))
                .toList();

        List<Mention> mentions = new ArrayList<>();
        Coverage coverage = new Coverage(echo);
        boolean denyNext = false;
        for (int i = 0; i < items.size(); i++) {
            PhraseMatcher.Item<Meaning> item = items.get(i);
            if (!item.known() && Morphology.isEnding(item.text())) {
                if (!pack.morphology().isContrast(item.text())) {
                    return Interpretation.noMatch("'" + item.text() + "' makes the answer conditional, qualified or a question");
                }
                // "기침은 없는데 목이 아파요": "but" only separates what is denied from what is named.
                coverage.known(item.length());
                denyNext = false;
                continue;
            }
            if (item.is(Role.JOIN) && !(i > 0 && (!optionsOf(items.get(i - 1)).isEmpty() || !deniedBy(items.get(i - 1)).isEmpty()))) {
                // "랑 없어요": what 랑 joined was lost, and it may be what the answer is about.
                return Interpretation.noMatch("'" + item.text() + "' joins an option that was not heard");
            }
            if (!item.known() && pack.particles().contains(item.text())) {
                // A particle the analyser left on its own (필리핀의 → 필리핀, 의).
                coverage.known(item.length());
                continue;
            }
            List<String> options = optionsOf(item);
            boolean previousIsMention = !mentions.isEmpty() && i > 0 && !optionsOf(items.get(i - 1)).isEmpty()
                    && !mentions.getLast().denied();
            if (item.is(Role.DENY_AFTER) && previousIsMention) {
                mentions.set(mentions.size() - 1, new Mention(mentions.getLast().optionId(), true));
                coverage.known(item.length());
                continue;
            }
            boolean nextIsOption = i + 1 < items.size() && !optionsOf(items.get(i + 1)).isEmpty();
            if (item.is(Role.DENY_BEFORE) && nextIsOption) {
                denyNext = true;
                coverage.known(item.length());
                continue;
            }
            List<String> denied = deniedBy(item);
            if (!denied.isEmpty()) {
                denied.forEach(id -> mentions.add(new Mention(id, true)));
                coverage.known(item.length());
                denyNext = false;
                continue;
            }
            if (options.size() > 1) {
                return Interpretation.noMatch("'" + item.text() + "' could mean any of " + options);
            }
            if (options.isEmpty() && (item.is(Role.DENY_BEFORE) || item.is(Role.DENY_AFTER) || item.is(Role.NEGATION))) {
                // "기침은 안 해요", "I don't really have a cough": a denial that attaches to no option
                // could deny any of them, so nothing said can be trusted.
                return Interpretation.noMatch("'" + item.text() + "' denies something, but not right next to an option");
            }
            if (options.size() == 1) {
                mentions.add(new Mention(options.getFirst(), denyNext));
                coverage.known(item.length());
            } else if (item.known()) {
                coverage.known(item.length());
            } else {
                coverage.unknown(item);
            }
            denyNext = false;
        }
        return decide(spec, mentions, coverage, recogniserConfidence);
    }

    /** The single words naming an option, which the analyser keeps whole (다낭, 차이나). */
    static Set<String> optionWords(LanguagePack pack, ChoiceSpec spec) {
        return IdentityCache.SHARED.get("option-words", pack, spec, () -> {
            Set<String> words = new LinkedHashSet<>();
            spec.options().forEach(option -> phrases(option, pack).stream().filter(phrase -> !phrase.contains(" ")).forEach(words::add));
            return Set.copyOf(words);
        });
    }

    private static PhraseMatcher<Meaning> matcher(LanguagePack pack, ChoiceSpec spec) {
        ChoiceWords words = pack.choices();
        Set<String> nouns = optionWords(pack, spec);
        PhraseMatcher<Meaning> matcher = new PhraseMatcher<>(pack.particles(),
                text -> pack.morphology().lemmas(pack.tokens(text), nouns));
        for (ChoiceOption option : spec.options()) {
            matcher.add(phrases(option, pack), new Option(option.id()));
            matcher.add(words.denialsOf(option.id()), new Denial(option.id()));
        }
        return matcher.add(words.negatorsBefore(), Role.DENY_BEFORE)
                .add(words.negatorsAfter(), Role.DENY_AFTER)
                .add(pack.yesNo().negators(), Role.NEGATION)
                .add(words.affirmers(), Role.AFFIRM)
                .add(words.joiners(), Role.JOIN)
                .add(pack.fillers(), Role.FILLER);
    }

    private static Interpretation decide(ChoiceSpec spec, List<Mention> mentions, Coverage coverage, double recogniserConfidence) {
        Set<String> chosen = new LinkedHashSet<>();
        Set<String> denied = new LinkedHashSet<>();
        for (Mention mention : mentions) {
            (mention.denied() ? denied : chosen).add(mention.optionId());
        }
        List<String> both = chosen.stream().filter(denied::contains).toList();
        if (!both.isEmpty()) {
            return Interpretation.noMatch("contradiction: " + both + " both named and denied");
        }
        if (chosen.isEmpty()) {
            return Interpretation.noMatch(denied.isEmpty() ? "no option named" : "only denied options " + denied + ", none chosen");
        }
        List<String> ordered = spec.options().stream().map(ChoiceOption::id).filter(chosen::contains).toList();
        List<String> exclusive = spec.options().stream().filter(ChoiceOption::exclusive).map(ChoiceOption::id)
                .filter(chosen::contains).toList();
        if (!exclusive.isEmpty() && ordered.size() > 1) {
            return Interpretation.noMatch("contradiction: " + exclusive + " named together with other options " + ordered);
        }
        if (!spec.multiple() && ordered.size() > 1) {
            return Interpretation.noMatch("several options named for a single choice: " + ordered);
        }
        return Interpretation.of(ordered, coverage.confidence(recogniserConfidence));
    }

    private static List<String> deniedBy(PhraseMatcher.Item<Meaning> item) {
        return item.labels().stream().filter(Denial.class::isInstance).map(meaning -> ((Denial) meaning).id()).sorted().toList();
    }

    private static List<String> optionsOf(PhraseMatcher.Item<Meaning> item) {
        return item.labels().stream().filter(Option.class::isInstance).map(meaning -> ((Option) meaning).id()).sorted().toList();
    }

    /** Everything that names {@code option} in the pack's language: label, questionnaire and pack synonyms. */
    static List<String> phrases(ChoiceOption option, LanguagePack pack) {
        List<String> phrases = new ArrayList<>(option.phrases(pack.language()));
        phrases.addAll(pack.choices().synonymsOf(option.id()));
        return List.copyOf(new LinkedHashSet<>(phrases));
    }
}
