package org.epicall.speech.internal;

import org.epicall.speech.Transcript;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * The decoder's n-best list for one utterance, and the choice made from it.
 *
 * <p>The best hypothesis is what was heard; each of its words gets a posterior (the share of the
 * n-best probability mass that holds that word at that time), so words the competing hypotheses
 * disagree on get a low confidence.
 */
final class NBest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Alternative(String text, double score, List<Transcript.Word> words) {
    }

    private final List<Alternative> alternatives;
    private final double[] posterior;

    private NBest(List<Alternative> alternatives) {
        this.alternatives = alternatives;
        this.posterior = new double[alternatives.size()];
        double best = alternatives.stream().mapToDouble(Alternative::score).max().orElse(0);
        double sum = 0;
        for (int i = 0; i < posterior.length; i++) {
            posterior[i] = Math.exp(alternatives.get(i).score() - best);
            sum += posterior[i];
        }
        for (int i = 0; i < posterior.length; i++) {
            posterior[i] /= sum;
        }
    }

    /**
     * Parses libvosk's result JSON (the {@code alternatives} form), mapping {@code garbage} to
     * {@link Transcript#GARBAGE} and shifting times back by {@code offsetSec}.
     */
    static NBest parse(String json, String garbage, double offsetSec) {
        JsonNode root = JSON.readTree(json);
        List<Alternative> alternatives = new ArrayList<>();
        for (JsonNode alt : root.path("alternatives")) {
            List<Transcript.Word> words = new ArrayList<>();
            for (JsonNode w : alt.path("result")) {
                String text = w.path("word").asString();
                words.add(new Transcript.Word(text.equals(garbage) ? Transcript.GARBAGE : text, 0.0,
                        Math.max(0, w.path("start").asDouble() - offsetSec), Math.max(0, w.path("end").asDouble() - offsetSec)));
            }
            String text = String.join(" ", words.stream().map(Transcript.Word::text).toList());
            alternatives.add(new Alternative(text, alt.path("confidence").asDouble(), words));
        }
        return new NBest(alternatives);
    }

    int size() {
        return alternatives.size();
    }

    /** The hypotheses with their posteriors, best first. */
    List<Transcript.Alternative> withPosteriors() {
        List<Transcript.Alternative> out = new ArrayList<>();
        for (int i = 0; i < alternatives.size(); i++) {
            out.add(new Transcript.Alternative(alternatives.get(i).text(), posterior[i]));
        }
        return out;
    }

    /** Alternative {@code index}'s words, each with its posterior: the mass of alternatives holding it at that time. */
    List<Transcript.Word> wordsWithConfidence(int index) {
        if (alternatives.isEmpty()) {
            return List.of();
        }
        List<Transcript.Word> out = new ArrayList<>();
        for (Transcript.Word w : alternatives.get(index).words()) {
            double mass = 0;
            for (int i = 0; i < alternatives.size(); i++) {
                if (holds(alternatives.get(i), w)) {
                    mass += posterior[i];
                }
            }
            out.add(new Transcript.Word(w.text(), Math.min(1.0, mass), w.startSec(), w.endSec()));
        }
        return out;
    }

    private static boolean holds(Alternative alternative, Transcript.Word word) {
        double mid = (word.startSec() + word.endSec()) / 2;
        for (Transcript.Word w : alternative.words()) {
            if (w.text().equals(word.text()) && w.startSec() <= mid + 0.05 && mid - 0.05 <= w.endSec()) {
                return true;
            }
        }
        return false;
    }
}
