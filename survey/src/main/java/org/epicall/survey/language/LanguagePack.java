package org.epicall.survey.language;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The vocabulary of one language: yes/no words with negations and fillers, number words, day and
 * date words, and choice synonyms. The data lives in {@code language-packs/<id>.yaml}; the grammar
 * that combines it is in the answer interpreter.
 *
 * <p>Immutable and thread-safe. Shipped packs are loaded once and shared.
 *
 * @param language  pack id, also the language code of calls ({@code ko}, {@code en})
 * @param name      the language's own name
 * @param numerals  which number grammar applies
 * @param fillers   sounds and words that carry no answer (음, 어, uh)
 * @param particles Korean endings allowed after a choice word (기침이, 기침은); empty for English
 * @param particleForms the endings offered to a recogniser grammar after a choice word
 * @param morphology how words are reduced to lemmas before yes/no and choice answers are read
 * @param yesNo     yes/no vocabulary
 * @param numbers   number vocabulary
 * @param days      days-ago vocabulary
 * @param dates     date vocabulary
 * @param choices   choice vocabulary
 * @param confirmation how an answer is read back for confirmation; {@code null} when the pack has none
 */
public record LanguagePack(
        String language,
        String name,
        NumeralSystem numerals,
        List<String> fillers,
        List<String> particles,
        ParticleForms particleForms,
        Morphology morphology,
        YesNoWords yesNo,
        NumberWords numbers,
        DayWords days,
        DateWords dates,
        ChoiceWords choices,
        ConfirmationWords confirmation) {

    /** The packs shipped in this module's resources. */
    public static final List<String> SHIPPED = List.of("ko", "en");

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final Map<String, LanguagePack> SHIPPED_PACKS = new ConcurrentHashMap<>();

    public LanguagePack {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(numerals, "numerals");
        name = name == null ? language : name;
        fillers = optional(fillers);
        particles = optional(particles);
        particleForms = particleForms == null ? new ParticleForms(null, null) : particleForms;
        morphology = morphology == null ? Morphology.NONE : morphology;
        Objects.requireNonNull(yesNo, "yes_no");
        Objects.requireNonNull(numbers, "numbers");
        Objects.requireNonNull(days, "days");
        dates = dates == null ? new DateWords(null, null, null, null, null, null, null) : dates;
        choices = choices == null ? new ChoiceWords(null, null, null, null, null, null) : choices;
    }

    /**
     * The shipped pack for {@code language} ({@code ko} or {@code en}).
     *
     * @throws LanguagePackException if there is no such pack or it is broken
     */
    public static LanguagePack forLanguage(String language) {
        Objects.requireNonNull(language, "language");
        return SHIPPED_PACKS.computeIfAbsent(language, LanguagePack::loadShipped);
    }

    /**
     * Loads a pack from a YAML file in the shipped packs' format.
     *
     * @throws LanguagePackException if the file cannot be read or is not a valid pack
     */
    public static LanguagePack load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException unreadable) {
            throw new LanguagePackException("Cannot read language pack " + file + ": " + unreadable.getMessage()
                    + "; check the path", unreadable);
        }
    }

    private static LanguagePack loadShipped(String language) {
        if (!SHIPPED.contains(language)) {
            throw new LanguagePackException("No language pack '" + language + "'; the shipped packs are " + SHIPPED
                    + ". Use one of those as the call language, or load your own with LanguagePack.load(path).", null);
        }
        String resource = "language-packs/" + language + ".yaml";
        try (InputStream in = LanguagePack.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new LanguagePackException("Language pack resource " + resource + " is missing from the classpath; the survey jar is incomplete", null);
            }
            LanguagePack pack = parse(in, "classpath:" + resource);
            if (!pack.language().equals(language)) {
                throw new LanguagePackException("Language pack " + resource + " says language '" + pack.language() + "'; expected '" + language + "'", null);
            }
            return pack;
        } catch (IOException unreadable) {
            throw new LanguagePackException("Cannot read language pack " + resource + ": " + unreadable.getMessage(), unreadable);
        }
    }

    private static LanguagePack parse(InputStream in, String source) {
        try {
            LanguagePack pack = MAPPER.readValue(in, LanguagePack.class);
            if (pack == null) {
                throw new LanguagePackException("Language pack " + source + " is empty", null);
            }
            return pack;
        } catch (JacksonException invalid) {
            throw new LanguagePackException("Invalid language pack " + source + ": " + invalid.getOriginalMessage()
                    + (invalid.getLocation() == null ? "" : " (line " + invalid.getLocation().getLineNr() + ")"), invalid);
        }
    }

    /**
     * Splits a transcript (or a phrase of this pack) into the tokens the interpreter matches:
     * NFC-normalised, lower-cased, punctuation removed (apostrophes inside words and decimal points
     * between digits kept), hyphens and digit/letter boundaries split ("thirty-seven",
     * "37.5도" → "37.5", "도"). {@code [unk]} stays a token of its own.
     */
    public List<String> tokens(String text) {
        return tokenize(text);
    }

    /**
     * The lemmas of {@code text}: its {@link #tokens(String) tokens} reduced by the pack's
     * {@link Morphology} (Korean: particles and plain endings off, verbs to their stem).
     */
    public List<String> lemmas(String text) {
        return morphology.lemmas(tokens(text));
    }

    /** The tokenisation of {@link #tokens(String)}, the same for every language. */
    public static List<String> tokenize(String text) {
        if (text == null) {
            return List.of();
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('’', '\'');
        List<String> tokens = new ArrayList<>();
        for (String raw : normalized.split("\\s+")) {
            if (raw.equals("[unk]")) {
                tokens.add(raw);
                continue;
            }
            splitToken(raw, tokens);
        }
        return List.copyOf(tokens);
    }

    private static void splitToken(String raw, List<String> tokens) {
        StringBuilder current = new StringBuilder();
        int kind = 0; // 1 = digits, 2 = letters
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean decimalPoint = c == '.' && kind == 1 && i + 1 < raw.length() && Character.isDigit(raw.charAt(i + 1));
            boolean apostrophe = c == '\'' && kind == 2 && i + 1 < raw.length() && Character.isLetter(raw.charAt(i + 1));
            boolean letter = Character.isLetter(c);
            int newKind = digit || decimalPoint ? 1 : letter || apostrophe ? 2 : 0;
            if (newKind != kind && current.length() > 0) {
                tokens.add(current.toString());
                current.setLength(0);
            }
            if (newKind != 0) {
                current.append(c);
            }
            kind = newKind;
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
    }

    static <T> List<T> required(List<T> list, String field) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("'" + field + "' is required and must not be empty");
        }
        return List.copyOf(list);
    }

    static <K, V> Map<K, V> required(Map<K, V> map, String field) {
        if (map == null || map.isEmpty()) {
            throw new IllegalArgumentException("'" + field + "' is required and must not be empty");
        }
        return optional(map);
    }

    static <T> List<T> optional(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> optional(Map<K, V> map) {
        if (map == null) {
            return Map.of();
        }
        Map<K, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, value instanceof List<?> list ? (V) List.copyOf(list) : value));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
