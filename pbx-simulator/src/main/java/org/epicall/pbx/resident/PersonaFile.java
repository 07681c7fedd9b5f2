package org.epicall.pbx.resident;

import org.epicall.pbx.audio.AudioClip;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads residents from a persona file (YAML). Every resident has a phone number and a behaviour; answering
 * residents have one answer per question (audio and/or keypad digits). A {@code population} section adds
 * generated residents (see {@link ResidentPopulation}).
 *
 * <pre>
 * residents:
 *   - number: "+821012345678"
 *     behaviour: answer          # answer | busy | no-answer | congestion | rejected | unallocated |
 *                                # absent | machine | hangup-at-question | silent | keypad-only
 *     ringSeconds: 2             # rings this long first (default 0)
 *     hangupAtQuestion: 3        # for hangup-at-question: hangs up while answering question 3
 *     hangupAfterSeconds: 120    # optional: hangs up this long after answering, whatever happens
 *     thenAnswerAfter: 1         # optional, for busy | no-answer | congestion | rejected | absent | machine: the
 *                                # first 1 call gets the behaviour, later calls are answered (a retry succeeds)
 *     answers:                   # in question order
 *       - question: consent      # the id the dialer puts in EPICALL_QUESTION
 *         audio: corpus:ko/consent-000.wav   # corpus:..., classpath:..., or a path relative to this file
 *         digits: "1"            # keys pressed when asked for the keypad
 * population:                    # optional
 *   count: 1000
 *   seed: 42
 *   firstNumber: "+821000000000"
 *   language: ko
 *   mix: {answer: 70, busy: 10, no-answer: 10, congestion: 2, rejected: 2, hangup-at-question: 2, silent: 2, keypad-only: 2}
 *   maxRingSeconds: 8
 *   noMatchRate: 0.1
 *   laterAnswerShare: 0.5        # share of busy and no-answer residents who answer the second call
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class PersonaFile {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    record AnswerEntry(String question, String audio, String digits) {
    }

    record ResidentEntry(String number, String behaviour, Double ringSeconds, Integer hangupAtQuestion,
                         Double hangupAfterSeconds, Integer thenAnswerAfter, List<AnswerEntry> answers) {
    }

    record PopulationEntry(Integer count, Long seed, String firstNumber, String language, Map<String, Integer> mix,
                           Double maxRingSeconds, Double noMatchRate, Double laterAnswerShare) {
    }

    record Document(List<ResidentEntry> residents, PopulationEntry population) {
    }

    private PersonaFile() {
    }

    /**
     * Loads and validates the persona file.
     *
     * @throws PersonaFileException naming the file, the line or resident, the field, and what to do
     */
    public static ResidentDirectory load(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new PersonaFileException(file + ": file not found (working directory "
                    + Path.of("").toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new PersonaFileException(file + ": cannot read it (" + e.getMessage() + ")", e);
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(yaml, file.toString(), base == null ? Path.of("") : base);
    }

    /**
     * Parses persona YAML; relative audio paths resolve against {@code baseDirectory}.
     *
     * @param source how to name the document in error messages
     */
    public static ResidentDirectory parse(String yaml, String source, Path baseDirectory) {
        Document document;
        try {
            document = MAPPER.readValue(yaml, Document.class);
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            String where = location == null ? "" : " line " + location.getLineNr() + ", column " + location.getColumnNr();
            String detail = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            int newline = detail.indexOf('\n');
            throw new PersonaFileException(source + where + ": " + (newline < 0 ? detail : detail.substring(0, newline))
                    + "; see the persona file format in PersonaFile's documentation", e);
        }
        if (document == null) {
            throw new PersonaFileException(source + ": the file is empty; it needs a 'residents' list or a "
                    + "'population' section");
        }
        List<Resident> residents = new ArrayList<>();
        List<ResidentEntry> entries = document.residents() == null ? List.of() : document.residents();
        for (int i = 0; i < entries.size(); i++) {
            residents.add(resident(entries.get(i), source + " residents[" + i + "]", baseDirectory));
        }
        if (document.population() != null) {
            residents.addAll(ResidentPopulation.generate(population(document.population(), source)));
        }
        try {
            return ResidentDirectory.of(residents);
        } catch (IllegalArgumentException e) {
            throw new PersonaFileException(source + ": " + e.getMessage() + "; each number may appear once", e);
        }
    }

    private static Resident resident(ResidentEntry entry, String where, Path base) {
        if (entry == null) {
            throw new PersonaFileException(where + ": empty entry; give at least number and behaviour");
        }
        if (entry.number() == null || !entry.number().trim().matches("\\+?[0-9][0-9 ]{2,20}")) {
            throw new PersonaFileException(where + ".number: '" + entry.number()
                    + "' is not a phone number; write it in E.164, e.g. \"+821012345678\" (quoted)");
        }
        String at = where + " (" + entry.number() + ")";
        if (entry.behaviour() == null) {
            throw new PersonaFileException(at + ".behaviour: missing; e.g. behaviour: answer");
        }
        Behaviour behaviour;
        try {
            behaviour = Behaviour.fromLabel(entry.behaviour());
        } catch (IllegalArgumentException e) {
            throw new PersonaFileException(at + ".behaviour: " + e.getMessage(), e);
        }
        Duration ringing = seconds(entry.ringSeconds(), at + ".ringSeconds");
        int hangupAt = entry.hangupAtQuestion() == null ? 0 : entry.hangupAtQuestion();
        if (behaviour == Behaviour.HANGUP_AT_QUESTION && hangupAt < 1) {
            throw new PersonaFileException(at + ".hangupAtQuestion: behaviour hangup-at-question needs the 1-based "
                    + "question to hang up at, e.g. hangupAtQuestion: 2");
        }
        Optional<Duration> hangupAfter = entry.hangupAfterSeconds() == null ? Optional.empty()
                : Optional.of(seconds(entry.hangupAfterSeconds(), at + ".hangupAfterSeconds"));
        int thenAnswerAfter = thenAnswerAfter(entry.thenAnswerAfter(), behaviour, at + ".thenAnswerAfter");
        List<Answer> answers = new ArrayList<>();
        List<AnswerEntry> answerEntries = entry.answers() == null ? List.of() : entry.answers();
        for (int k = 0; k < answerEntries.size(); k++) {
            answers.add(answer(answerEntries.get(k), at + ".answers[" + k + "]", base));
        }
        return new Resident(entry.number().trim().replace(" ", ""), behaviour, ringing, hangupAt, hangupAfter,
                answers, thenAnswerAfter);
    }

    private static int thenAnswerAfter(Integer calls, Behaviour behaviour, String where) {
        if (calls == null) {
            return 0;
        }
        if (!behaviour.mayAnswerLater()) {
            throw new PersonaFileException(where + ": only for a resident a person may answer for later (busy, "
                    + "no-answer, congestion, rejected, absent, machine); remove it or change the behaviour, which is "
                    + behaviour.label());
        }
        if (calls < 1) {
            throw new PersonaFileException(where + ": must be 1 or more (how many calls get '" + behaviour.label()
                    + "' before one is answered), got " + calls + "; leave it out to " + behaviour.label()
                    + " on every call");
        }
        return calls;
    }

    private static Answer answer(AnswerEntry entry, String where, Path base) {
        if (entry == null || entry.question() == null || entry.question().isBlank()) {
            throw new PersonaFileException(where + ".question: missing; name the question id, e.g. question: fever");
        }
        AudioClip audio = entry.audio() == null ? null : audio(entry.audio().trim(), where + ".audio", base);
        try {
            return new Answer(entry.question().trim(), audio, entry.digits());
        } catch (IllegalArgumentException e) {
            throw new PersonaFileException(where + ".digits: " + e.getMessage(), e);
        }
    }

    private static AudioClip audio(String reference, String where, Path base) {
        String resource = reference.startsWith("corpus:") ? "corpus/" + reference.substring("corpus:".length())
                : reference.startsWith("classpath:") ? reference.substring("classpath:".length()) : null;
        if (resource != null) {
            if (Thread.currentThread().getContextClassLoader().getResource(resource) == null) {
                throw new PersonaFileException(where + ": '" + reference + "' is not on the class path"
                        + (reference.startsWith("corpus:") ? " (is epicall-corpus on the class path?)" : ""));
            }
            return AudioClip.classpath(resource);
        }
        Path path = base.resolve(reference);
        if (!Files.isRegularFile(path)) {
            throw new PersonaFileException(where + ": audio file " + path + " does not exist; paths are relative "
                    + "to the persona file, or use corpus:<file> for a corpus clip");
        }
        return AudioClip.file(path);
    }

    private static Duration seconds(Double value, String where) {
        if (value == null) {
            return Duration.ZERO;
        }
        if (value < 0 || value.isNaN() || value.isInfinite()) {
            throw new PersonaFileException(where + ": must be zero or more seconds, got " + value);
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }

    private static ResidentPopulation.Settings population(PopulationEntry entry, String source) {
        String where = source + " population";
        try {
            ResidentPopulation.Settings defaults = ResidentPopulation.Settings.realistic(0, 0);
            var mix = entry.mix() == null ? defaults.mix()
                    : ResidentPopulation.Settings.parseMix(String.join(",", entry.mix().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
            return new ResidentPopulation.Settings(
                    entry.count() == null ? 0 : entry.count(),
                    entry.seed() == null ? 1 : entry.seed(),
                    entry.firstNumber() == null ? defaults.firstNumber() : entry.firstNumber(),
                    entry.language() == null ? defaults.language() : entry.language(),
                    mix,
                    entry.maxRingSeconds() == null ? defaults.maxRinging()
                            : seconds(entry.maxRingSeconds(), where + ".maxRingSeconds"),
                    entry.noMatchRate() == null ? defaults.noMatchRate() : entry.noMatchRate(),
                    entry.laterAnswerShare() == null ? defaults.laterAnswerShare() : entry.laterAnswerShare());
        } catch (IllegalArgumentException e) {
            throw new PersonaFileException(where + ": " + e.getMessage(), e);
        }
    }
}
