package org.epicall.corpus;

import java.io.InputStream;
import java.util.List;

/**
 * The telephone-quality answer corpus on the classpath ({@code corpus/manifest.tsv} and the WAVs it
 * names), made by {@code corpus/generate-corpus.sh}. Immutable and thread-safe.
 */
public final class Corpus {

    private static final String ROOT = "corpus/";

    private final Manifest manifest;
    private final List<Clip> clips;

    private Corpus(Manifest manifest) {
        this.manifest = manifest;
        this.clips = manifest.recordings().stream().map(Corpus::clip).toList();
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
            return Corpus.open(file);
        }
    }

    /** Loads the manifest from the classpath. */
    public static Corpus load() {
        InputStream in = Corpus.class.getClassLoader().getResourceAsStream(ROOT + Manifest.FILE_NAME);
        if (in == null) {
            throw new IllegalStateException("corpus/" + Manifest.FILE_NAME + " is not on the classpath; add the epicall-corpus artifact");
        }
        return new Corpus(Manifest.parse(in, "classpath:" + ROOT + Manifest.FILE_NAME, Corpus::open));
    }

    /** The corpus as a manifest, as {@code bench speech} reads any corpus folder. */
    public Manifest manifest() {
        return manifest;
    }

    public List<Clip> clips() {
        return clips;
    }

    public List<Clip> clips(String language) {
        return clips.stream().filter(c -> c.language().equals(language)).toList();
    }

    private static Clip clip(Manifest.Recording recording) {
        if (recording.question().isEmpty()) {
            throw new IllegalStateException("corpus/" + Manifest.FILE_NAME + " line " + recording.line() + ": the shipped corpus names each clip's question");
        }
        String expected = recording.kind() == Manifest.AnswerKind.OTHER ? "nomatch" : recording.expected();
        return new Clip(recording.file(), recording.language(), recording.question(), recording.transcript(), expected,
                recording.column("voice"), Integer.parseInt(recording.column("speed")), Integer.parseInt(recording.column("pitch")),
                "1".equals(recording.column("noise")));
    }

    private static InputStream open(String file) {
        InputStream in = Corpus.class.getClassLoader().getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new IllegalStateException("corpus file missing from the classpath: " + ROOT + file);
        }
        return in;
    }
}
