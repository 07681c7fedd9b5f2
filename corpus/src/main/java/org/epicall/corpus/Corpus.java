package org.epicall.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The telephone-quality answer corpus on the classpath ({@code corpus/manifest.csv} and the WAVs it
 * names), made by {@code corpus/generate-corpus.sh}. Immutable and thread-safe.
 */
public final class Corpus {

    private static final String ROOT = "corpus/";

    private final List<Clip> clips;

    private Corpus(List<Clip> clips) {
        this.clips = List.copyOf(clips);
    }

    /**
     * One recorded answer.
     *
     * @param file     path under the corpus root, e.g. {@code ko/consent-000.wav}
     * @param language {@code ko} or {@code en}
     * @param question the questionnaire's question id
     * @param text     what was spoken
     * @param expected the answer it must become: {@code yes}/{@code no}, a number, an option id, or
     *                 {@code nomatch} for speech that must not become any answer
     * @param voice    the espeak-ng voice and variant
     * @param speed    words per minute
     * @param pitch    0..99
     * @param noisy    whether white noise was mixed in
     */
    public record Clip(String file, String language, String question, String text, String expected,
                       String voice, int speed, int pitch, boolean noisy) {

        public boolean isNoMatch() {
            return "nomatch".equals(expected);
        }

        /** Opens the WAV; the caller closes it. */
        public InputStream open() {
            InputStream in = Corpus.class.getClassLoader().getResourceAsStream(ROOT + file);
            if (in == null) {
                throw new IllegalStateException("corpus file missing from the classpath: " + ROOT + file);
            }
            return in;
        }
    }

    /** Loads the manifest from the classpath. */
    public static Corpus load() {
        InputStream in = Corpus.class.getClassLoader().getResourceAsStream(ROOT + "manifest.csv");
        if (in == null) {
            throw new IllegalStateException("corpus/manifest.csv is not on the classpath; add the epicall-corpus artifact");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Clip> clips = new ArrayList<>();
            String header = reader.readLine();
            int lineNo = 1;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                if (!line.isBlank()) {
                    clips.add(parse(line, lineNo));
                }
            }
            Objects.requireNonNull(header, "empty manifest");
            return new Corpus(clips);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus/manifest.csv", e);
        }
    }

    public List<Clip> clips() {
        return clips;
    }

    public List<Clip> clips(String language) {
        return clips.stream().filter(c -> c.language().equals(language)).toList();
    }

    private static Clip parse(String line, int lineNo) {
        List<String> f = split(line);
        if (f.size() != 9) {
            throw new IllegalStateException("corpus/manifest.csv line " + lineNo + ": expected 9 fields, got " + f.size());
        }
        return new Clip(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5),
                Integer.parseInt(f.get(6)), Integer.parseInt(f.get(7)), "1".equals(f.get(8)));
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
