package org.epicall.speech.cli;

import org.epicall.speech.KoreanModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code epicall bench speech --corpus DIR} on a folder it has never seen, with the real Korean model. */
class SpeechBenchCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void reportsEachAnswerKindAndTheCharacterErrorRateOfAnUnseenFolder() throws IOException {
        Files.createDirectories(dir.resolve("phone"));
        copy("ko/consent-001.wav", "phone/yes.wav");
        copy("ko/travel_country-026.wav", "phone/china.wav");
        copy("ko/consent-082.wav", "phone/nonsense.wav");
        Files.writeString(dir.resolve("manifest.tsv"), """
                file\treference_transcript\tanswer_kind\texpected\tlicence\tsource
                yes.wav\t네\tyes_no\tyes\tsynthetic\tshipped corpus
                china.wav\t중국\tcountry\tchina\tsynthetic\tshipped corpus
                nonsense.wav\t여보세요 누구세요\tother\t\tsynthetic\tshipped corpus
                """);

        int exit = run("--corpus", dir.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().lines())
                .contains("recordings: 3 clips", "yes_no answers: 1 clips", "country answers: 1 clips", "other (no answer in them) played: 3 plays")
                .anyMatch(line -> line.matches("yes_no right accepted on first ask: [01] clips \\(.*\\)"))
                .anyMatch(line -> line.matches("character error rate, free transcription: \\d+\\.\\d %"))
                .anyMatch(line -> line.matches("wrong accepted: \\d+ plays"))
                .allMatch(line -> line.matches("[^:]+: .+"));
        assertThat(out.toString()).doesNotContain("memory per live recognizer");
    }

    @Test
    void aFolderWithoutAManifestGetsAClearErrorAndExitCode2() {
        int exit = run("--corpus", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("No manifest.tsv in " + dir);
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new SpeechBenchCommand(KoreanModel.recognizer()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private void copy(String clip, String to) throws IOException {
        try (InputStream in = KoreanModel.clip(clip).open()) {
            Files.copy(in, dir.resolve(to));
        }
    }
}
