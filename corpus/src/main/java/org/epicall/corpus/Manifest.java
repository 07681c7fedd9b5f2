package org.epicall.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A folder of recorded answers and its {@code manifest.tsv}: which file says what, which kind of
 * answer it is and what it must become. The format is described in {@code docs/speech-corpus.md};
 * in short, a UTF-8 file of tab-separated columns named by its first line, of which {@code file},
 * {@code reference_transcript}, {@code answer_kind} and {@code expected} are required and any others
 * ({@code question}, {@code language}, {@code licence}, {@code source}, …) are optional and kept.
 * Immutable and thread-safe.
 */
public final class Manifest {

    public static final String FILE_NAME = "manifest.tsv";
    static final List<String> REQUIRED = List.of("file", "reference_transcript", "answer_kind", "expected");

    /** What a recording answers. */
    public enum AnswerKind {
        /** yes or no; {@code expected} is {@code yes} or {@code no} */
        YES_NO,
        /** a number, such as a temperature; {@code expected} is the number */
        NUMBER,
        /** a country; {@code expected} is the option id (china, japan, usa, …) */
        COUNTRY,
        /** another choice, such as symptoms; {@code expected} is the option id */
        CHOICE,
        /** no answer at all (a question back, unrelated speech): no value may be accepted from it */
        OTHER;

        /** The manifest's spelling: {@code yes_no}, {@code number}, … */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        static AnswerKind parse(String text) {
            for (AnswerKind kind : values()) {
                if (kind.text().equals(text)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /**
     * One recording.
     *
     * @param line       its line in the manifest, for messages
     * @param file       path relative to the audio folder
     * @param language   the {@code language} column, {@code ko} when absent
     * @param kind       what it answers
     * @param question   the questionnaire question it answers (the {@code question} column), or empty
     *                   for the default question of its kind
     * @param transcript what is said in it (its source's transcript, not one made by ear)
     * @param expected   what it must become; empty for {@link AnswerKind#OTHER}
     * @param columns    every column of its line, by name
     */
    public record Recording(int line, String file, String language, AnswerKind kind, String question, String transcript,
                            String expected, Map<String, String> columns) {

        public Recording {
            columns = Map.copyOf(columns);
        }

        /** An optional column, empty when the manifest has no such column. */
        public String column(String name) {
            return columns.getOrDefault(name, "");
        }
    }

    /** Opens a recording's audio. */
    @FunctionalInterface
    public interface Opener {
        InputStream open(String file) throws IOException;
    }

    private final String name;
    private final List<Recording> recordings;
    private final Opener opener;

    private Manifest(String name, List<Recording> recordings, Opener opener) {
        this.name = name;
        this.recordings = List.copyOf(recordings);
        this.opener = opener;
    }

    /**
     * Reads {@code dir/manifest.tsv}, with the audio files relative to {@code audioDir} (often
     * {@code dir} itself, or a folder in it such as {@code phone/}). Every named file must exist.
     *
     * @throws ManifestException naming the file, line and column, and what to do
     */
    public static Manifest read(Path dir, Path audioDir) {
        return read(dir, audioDir, true);
    }

    /** As {@link #read(Path, Path)}, checking that every named file exists only when {@code checkFiles}. */
    public static Manifest read(Path dir, Path audioDir, boolean checkFiles) {
        Path file = dir.resolve(FILE_NAME);
        try (InputStream in = Files.newInputStream(file)) {
            Manifest manifest = parse(in, file.toString(), name -> Files.newInputStream(audioDir.resolve(name)));
            for (Recording recording : checkFiles ? manifest.recordings : List.<Recording>of()) {
                if (!Files.isRegularFile(audioDir.resolve(recording.file()))) {
                    throw new ManifestException(file + " line " + recording.line() + ": no audio file " + audioDir.resolve(recording.file())
                            + "; if the recordings are in a folder of " + dir + ", name it (bench speech --audio FOLDER)");
                }
            }
            return manifest;
        } catch (NoSuchFileException missing) {
            throw new ManifestException("No " + FILE_NAME + " in " + dir + "; a corpus folder needs one (see docs/speech-corpus.md)");
        } catch (IOException unreadable) {
            throw new ManifestException("Cannot read " + file + ": " + unreadable.getMessage());
        }
    }

    /**
     * Parses a manifest.
     *
     * @param name   where it came from, for messages
     * @param opener opens the audio of a recording by its {@code file}
     * @throws ManifestException naming the line and column, and what to do
     */
    public static Manifest parse(InputStream in, String name, Opener opener) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String headerLine = reader.readLine();
            if (headerLine == null || headerLine.isBlank()) {
                throw new ManifestException(name + " is empty; its first line names the columns: " + String.join(", ", REQUIRED) + ", …");
            }
            List<String> header = Arrays.stream(stripBom(headerLine).split("\t", -1)).map(String::strip).toList();
            for (String required : REQUIRED) {
                if (!header.contains(required)) {
                    throw new ManifestException(name + " line 1: no column '" + required + "'; the first line must name the columns "
                            + String.join(", ", REQUIRED) + " (tab-separated), and may name more");
                }
            }
            List<Recording> recordings = new ArrayList<>();
            int lineNo = 1;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                if (!line.isBlank()) {
                    recordings.add(recording(name, lineNo, header, line));
                }
            }
            return new Manifest(name, recordings, opener);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + name, unreadable);
        }
    }

    private static Recording recording(String name, int lineNo, List<String> header, String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != header.size()) {
            throw new ManifestException(name + " line " + lineNo + ": " + fields.length + " tab-separated fields, but the header names "
                    + header.size() + " columns; check for a missing or extra tab");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i++) {
            columns.put(header.get(i), fields[i].strip());
        }
        String file = columns.get("file");
        if (file.isEmpty()) {
            throw new ManifestException(name + " line " + lineNo + ", column file: empty; name the WAV file");
        }
        String kindText = columns.get("answer_kind");
        AnswerKind kind = AnswerKind.parse(kindText);
        if (kind == null) {
            throw new ManifestException(name + " line " + lineNo + ", column answer_kind: '" + kindText + "' is not one of "
                    + Arrays.stream(AnswerKind.values()).map(AnswerKind::text).toList());
        }
        String expected = columns.get("expected");
        if (kind != AnswerKind.OTHER && expected.isEmpty()) {
            throw new ManifestException(name + " line " + lineNo + ", column expected: empty for a " + kind.text()
                    + " answer; give the value it must become, or make the answer_kind other");
        }
        if (kind == AnswerKind.OTHER && !expected.isEmpty()) {
            throw new ManifestException(name + " line " + lineNo + ", column expected: '" + expected
                    + "' for an answer of kind other, which has no value; leave it empty or give the answer's kind");
        }
        if (kind == AnswerKind.YES_NO && !expected.equals("yes") && !expected.equals("no")) {
            throw new ManifestException(name + " line " + lineNo + ", column expected: '" + expected + "' for a yes_no answer; use yes or no");
        }
        if (kind == AnswerKind.NUMBER && !expected.matches("-?\\d+(\\.\\d+)?")) {
            throw new ManifestException(name + " line " + lineNo + ", column expected: '" + expected + "' is not a number");
        }
        String language = columns.getOrDefault("language", "");
        return new Recording(lineNo, file, language.isEmpty() ? "ko" : language, kind, columns.getOrDefault("question", ""),
                columns.get("reference_transcript"), expected, columns);
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Where the manifest came from. */
    public String name() {
        return name;
    }

    public List<Recording> recordings() {
        return recordings;
    }

    /** The recordings in {@code language}. */
    public List<Recording> recordings(String language) {
        return recordings.stream().filter(r -> r.language().equals(language)).toList();
    }

    /** Opens a recording's audio; the caller closes it. */
    public InputStream open(Recording recording) {
        Objects.requireNonNull(recording, "recording");
        try {
            return opener.open(recording.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + recording.file() + " of " + name, e);
        }
    }

    /** Reads a recording's audio whole. */
    public byte[] bytes(Recording recording) {
        try (InputStream in = open(recording)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + recording.file() + " of " + name, e);
        }
    }
}
