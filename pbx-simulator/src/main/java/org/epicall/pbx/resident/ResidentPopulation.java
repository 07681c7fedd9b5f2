package org.epicall.pbx.resident;

import org.epicall.corpus.Corpus;
import org.epicall.pbx.audio.AudioClip;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Generates a population of residents with a given mix of behaviours, each answering every question of the
 * speech corpus with one of the corpus clips for that question. The same settings and seed always give the same
 * population. Stateless and thread-safe.
 *
 * <p>Keypad digits follow the questionnaire's default keypad: yes = 1, no = 2, numbers with {@code *} as the
 * decimal point ({@code 37*5}); choice and free-text answers have no digits.
 */
public final class ResidentPopulation {

    /**
     * How to generate.
     *
     * @param count        how many residents
     * @param seed         random seed: the same seed gives the same residents
     * @param firstNumber  the first E.164 number; the others follow it ({@code +821000000000}, {@code ...001}, ...)
     * @param language     corpus language whose clips the residents speak ({@code ko} or {@code en})
     * @param mix          relative weight of each behaviour
     * @param maxRinging   residents ring for 0 to this long before their behaviour happens (simulated time)
     * @param noMatchRate  share of answers spoken with a clip that must not be understood (corpus {@code nomatch}),
     *                     where the corpus has one for that question; their keypad digits stay right
     * @param laterAnswerShare share of the busy and no-answer residents who answer the second call (every
     *                     second one of them for 0.5, see {@link #answersLater(int, double)}); 0 for none
     */
    public record Settings(int count, long seed, String firstNumber, String language, Map<Behaviour, Integer> mix,
                           Duration maxRinging, double noMatchRate, double laterAnswerShare) {

        public Settings {
            if (count < 0) {
                throw new IllegalArgumentException("population count must not be negative, got " + count);
            }
            Objects.requireNonNull(firstNumber, "firstNumber");
            if (!firstNumber.matches("\\+?\\d{6,15}")) {
                throw new IllegalArgumentException("firstNumber must be an E.164 number like +821000000000, got '"
                        + firstNumber + "'");
            }
            mix = Map.copyOf(mix);
            if (mix.isEmpty() || mix.values().stream().anyMatch(w -> w < 0)
                    || mix.values().stream().mapToInt(Integer::intValue).sum() == 0) {
                throw new IllegalArgumentException("the behaviour mix needs at least one positive weight, got " + mix);
            }
            if (noMatchRate < 0 || noMatchRate > 1) {
                throw new IllegalArgumentException("noMatchRate must be between 0 and 1, got " + noMatchRate);
            }
            if (!(laterAnswerShare >= 0 && laterAnswerShare <= 1)) {
                throw new IllegalArgumentException("laterAnswerShare must be between 0 and 1, got "
                        + laterAnswerShare);
            }
        }

        /** Settings where busy and no-answer residents never answer. */
        public Settings(int count, long seed, String firstNumber, String language, Map<Behaviour, Integer> mix,
                        Duration maxRinging, double noMatchRate) {
            this(count, seed, firstNumber, language, mix, maxRinging, noMatchRate, 0);
        }

        /**
         * A realistic mix for demos: mostly answering residents, some busy or unreachable, half of those
         * answering the second call.
         */
        public static Settings realistic(int count, long seed) {
            Map<Behaviour, Integer> mix = new EnumMap<>(Behaviour.class);
            mix.put(Behaviour.ANSWER, 70);
            mix.put(Behaviour.BUSY, 6);
            mix.put(Behaviour.NO_ANSWER, 8);
            mix.put(Behaviour.CONGESTION, 2);
            mix.put(Behaviour.REJECTED, 3);
            mix.put(Behaviour.HANGUP_AT_QUESTION, 4);
            mix.put(Behaviour.SILENT, 3);
            mix.put(Behaviour.KEYPAD_ONLY, 4);
            return new Settings(count, seed, "+821000000000", "ko", mix, Duration.ofSeconds(8), 0.1, 0.5);
        }

        /**
         * Parses a mix such as {@code answer=70,busy=10,no-answer=20}.
         *
         * @throws IllegalArgumentException naming the bad entry
         */
        public static Map<Behaviour, Integer> parseMix(String text) {
            Map<Behaviour, Integer> mix = new EnumMap<>(Behaviour.class);
            for (String entry : text.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                String[] parts = entry.split("[=:]");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("mix entry '" + entry.trim()
                            + "' must look like behaviour=weight, e.g. busy=10");
                }
                try {
                    mix.put(Behaviour.fromLabel(parts[0]), Integer.parseInt(parts[1].trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("mix entry '" + entry.trim() + "': weight must be a whole number");
                }
            }
            return mix;
        }
    }

    private ResidentPopulation() {
    }

    /** Generates the population from the speech corpus on the class path. */
    public static List<Resident> generate(Settings settings) {
        return generate(settings, Corpus.load().clips());
    }

    public static List<Resident> generate(Settings settings, List<Corpus.Clip> clips) {
        Map<String, List<Corpus.Clip>> understood = new LinkedHashMap<>();
        Map<String, List<Corpus.Clip>> notUnderstood = new LinkedHashMap<>();
        for (Corpus.Clip clip : clips) {
            if (!clip.language().equalsIgnoreCase(settings.language())) {
                continue;
            }
            (clip.isNoMatch() ? notUnderstood : understood)
                    .computeIfAbsent(clip.question(), q -> new ArrayList<>()).add(clip);
        }
        if (understood.isEmpty() && settings.count() > 0) {
            throw new IllegalArgumentException("the corpus has no clips in language '" + settings.language() + "'");
        }
        List<Map.Entry<Behaviour, Integer>> weights = new ArrayList<>(settings.mix().entrySet());
        weights.sort(Map.Entry.comparingByKey());
        int total = weights.stream().mapToInt(Map.Entry::getValue).sum();
        SplittableRandom random = new SplittableRandom(settings.seed());
        BigInteger first = new BigInteger(settings.firstNumber().replace("+", ""));
        List<Resident> residents = new ArrayList<>(settings.count());
        int retryable = 0;
        for (int i = 0; i < settings.count(); i++) {
            Behaviour behaviour = pick(weights, total, random.nextInt(total));
            long ringingMs = settings.maxRinging().toMillis() <= 0 ? 0 : random.nextLong(settings.maxRinging().toMillis() + 1);
            List<Answer> answers = new ArrayList<>();
            for (Map.Entry<String, List<Corpus.Clip>> question : understood.entrySet()) {
                Corpus.Clip meant = question.getValue().get(random.nextInt(question.getValue().size()));
                Corpus.Clip spoken = meant;
                List<Corpus.Clip> garbled = notUnderstood.get(question.getKey());
                if (garbled != null && random.nextDouble() < settings.noMatchRate()) {
                    spoken = garbled.get(random.nextInt(garbled.size()));
                }
                answers.add(new Answer(question.getKey(), AudioClip.classpath("corpus/" + spoken.file()),
                        keypadDigits(meant.expected()), meant.expected()));
            }
            int hangupAt = behaviour == Behaviour.HANGUP_AT_QUESTION
                    ? 1 + random.nextInt(Math.max(1, answers.size())) : 0;
            String number = "+" + first.add(BigInteger.valueOf(i));
            int thenAnswerAfter = 0;
            if (behaviour == Behaviour.BUSY || behaviour == Behaviour.NO_ANSWER || behaviour == Behaviour.MACHINE) {
                thenAnswerAfter = answersLater(retryable++, settings.laterAnswerShare()) ? 1 : 0;
            }
            residents.add(new Resident(number, behaviour, Duration.ofMillis(ringingMs), hangupAt, Optional.empty(),
                    answers, thenAnswerAfter));
        }
        return residents;
    }

    /**
     * Whether the {@code k}-th (0-based) of a run of busy, no-answer or machine residents answers a later call, so that
     * {@code share} of any run answers later, spread evenly, and without a random draw (which would change the
     * rest of a seeded population): for 0.5 the 2nd, 4th, 6th... do; a lone one does not.
     */
    public static boolean answersLater(int k, double share) {
        return Math.floor((k + 1) * share) > Math.floor(k * share);
    }

    private static Behaviour pick(List<Map.Entry<Behaviour, Integer>> weights, int total, int roll) {
        int cumulative = 0;
        for (Map.Entry<Behaviour, Integer> weight : weights) {
            cumulative += weight.getValue();
            if (roll < cumulative) {
                return weight.getKey();
            }
        }
        return weights.getLast().getKey();
    }

    /** The keys a resident presses for an expected answer: yes 1, no 2, 37.5 as 37*5; none for choices. */
    static String keypadDigits(String expected) {
        String value = expected.trim().toLowerCase(Locale.ROOT);
        if (value.equals("yes")) {
            return "1";
        }
        if (value.equals("no")) {
            return "2";
        }
        if (value.matches("\\d+(\\.\\d+)?")) {
            return value.replace('.', '*');
        }
        return "";
    }
}
