package org.epicall.speech.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A question's grammar: its expected phrases that the model can say, plus the model's garbage word.
 *
 * @param phrases the usable phrases, normalised (lower case, single spaces)
 * @param dropped phrases left out because a word is missing from the model's vocabulary
 * @param garbage the garbage word added to the grammar, or null
 */
record Grammar(List<String> phrases, List<String> dropped, String garbage) {

    private static final Logger log = LoggerFactory.getLogger(Grammar.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static Grammar build(List<String> expectedPhrases, LoadedModel model) {
        Set<String> usable = new LinkedHashSet<>();
        List<String> dropped = new ArrayList<>();
        for (String phrase : expectedPhrases) {
            String normal = normalise(phrase);
            if (normal.isEmpty()) {
                continue;
            }
            if (List.of(normal.split(" ")).stream().allMatch(model::knows)) {
                usable.add(normal);
            } else {
                dropped.add(normal);
            }
        }
        if (!dropped.isEmpty()) {
            log.debug("{} of {} expected phrases are not in the {} model's vocabulary and were left out: {}",
                    dropped.size(), expectedPhrases.size(), model.language(), dropped);
        }
        return new Grammar(List.copyOf(usable), List.copyOf(dropped), model.garbageWord().orElse(null));
    }

    static String normalise(String phrase) {
        return phrase.strip().toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}&&[^'\\[\\]<>]]", " ").replaceAll("\\s+", " ").strip();
    }

    boolean isEmpty() {
        return phrases.isEmpty();
    }

    /** The JSON array libvosk takes. */
    String toJson() {
        List<String> all = new ArrayList<>(phrases);
        if (garbage != null) {
            all.add(garbage);
        }
        return JSON.writeValueAsString(all);
    }
}
