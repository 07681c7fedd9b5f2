package org.epicall.app.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.epicall.corpus.Corpus;
import org.epicall.pbx.audio.AudioClip;
import org.epicall.pbx.resident.Answer;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;

/**
 * The demo's simulated residents: Korean speakers in Seoul with a mix of behaviours, each answering
 * with recordings from the speech corpus (so some are symptomatic and get flagged).
 */
final class DemoPopulation {

    /** First number; the others follow it. A valid Korean mobile number, as the roster import checks. */
    static final long FIRST_NUMBER = 821020000000L;

    private DemoPopulation() {
    }

    static Map<Behaviour, Integer> mix() {
        Map<Behaviour, Integer> mix = new EnumMap<>(Behaviour.class);
        mix.put(Behaviour.ANSWER, 66);
        mix.put(Behaviour.BUSY, 8);
        mix.put(Behaviour.NO_ANSWER, 8);
        mix.put(Behaviour.CONGESTION, 2);
        mix.put(Behaviour.REJECTED, 3);
        mix.put(Behaviour.HANGUP_AT_QUESTION, 5);
        mix.put(Behaviour.SILENT, 2);
        mix.put(Behaviour.KEYPAD_ONLY, 6);
        return mix;
    }

    static List<Resident> generate(int count, long seed) {
        Map<String, List<Corpus.Clip>> clips = new LinkedHashMap<>();
        for (Corpus.Clip clip : Corpus.load().clips(DemoRoster.LANGUAGE)) {
            if (!clip.isNoMatch()) {
                clips.computeIfAbsent(clip.question(), q -> new ArrayList<>()).add(clip);
            }
        }
        List<Map.Entry<Behaviour, Integer>> weights = new ArrayList<>(mix().entrySet());
        int total = weights.stream().mapToInt(Map.Entry::getValue).sum();
        SplittableRandom random = new SplittableRandom(seed);
        List<Resident> residents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Behaviour behaviour = pick(weights, random.nextInt(total));
            List<Answer> answers = new ArrayList<>();
            for (Map.Entry<String, List<Corpus.Clip>> q : clips.entrySet()) {
                Corpus.Clip clip = q.getValue().get(random.nextInt(q.getValue().size()));
                answers.add(new Answer(q.getKey(), AudioClip.classpath("corpus/" + clip.file()), digits(clip.expected())));
            }
            int hangupAt = behaviour == Behaviour.HANGUP_AT_QUESTION ? 2 + random.nextInt(3) : 0;
            residents.add(new Resident("+" + (FIRST_NUMBER + i), behaviour,
                    Duration.ofMillis(random.nextLong(6_000)), hangupAt, Optional.empty(), answers));
        }
        return residents;
    }

    /** E.g. {@code 132 answer, 16 busy, ...}. */
    static String describe(List<Resident> residents) {
        Map<Behaviour, Long> counts = residents.stream()
                .collect(Collectors.groupingBy(Resident::behaviour, () -> new EnumMap<>(Behaviour.class),
                        Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
    }

    static List<DemoRoster.Row> rosterRows(List<Resident> residents) {
        List<DemoRoster.Row> rows = new ArrayList<>(residents.size());
        for (int i = 0; i < residents.size(); i++) {
            Resident r = residents.get(i);
            rows.add(new DemoRoster.Row(r.number(), String.format(Locale.ROOT, "resident %03d (%s)", i + 1,
                    r.behaviour().label())));
        }
        return rows;
    }

    private static Behaviour pick(List<Map.Entry<Behaviour, Integer>> weights, int roll) {
        int cumulative = 0;
        for (Map.Entry<Behaviour, Integer> w : weights) {
            cumulative += w.getValue();
            if (roll < cumulative) {
                return w.getKey();
            }
        }
        return weights.getLast().getKey();
    }

    private static String digits(String expected) {
        return switch (expected) {
            case "yes" -> "1";
            case "no" -> "2";
            default -> expected.matches("\\d+(\\.\\d+)?") ? expected.replace('.', '*') : "";
        };
    }
}
