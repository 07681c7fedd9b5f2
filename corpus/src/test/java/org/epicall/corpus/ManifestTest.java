package org.epicall.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestTest {

    @TempDir
    Path dir;

    @Test
    void readsColumnsByNameInAnyOrderAndKeepsTheOthers() throws IOException {
        write("answer_kind\texpected\tfile\treference_transcript\tlicence\tsource\n"
                + "yes_no\tyes\ta.wav\t네 맞아요\tCC-BY-4.0\tzeroth:104_003_0019\n"
                + "other\t\tb.wav\t빅스비\tApache-2.0\tPicovoice/porcupine\n", "a.wav", "b.wav");

        Manifest manifest = Manifest.read(dir, dir);

        assertThat(manifest.recordings()).hasSize(2);
        Manifest.Recording first = manifest.recordings().getFirst();
        assertThat(first.kind()).isEqualTo(Manifest.AnswerKind.YES_NO);
        assertThat(first.expected()).isEqualTo("yes");
        assertThat(first.transcript()).isEqualTo("네 맞아요");
        assertThat(first.language()).isEqualTo("ko");
        assertThat(first.question()).isEmpty();
        assertThat(first.column("licence")).isEqualTo("CC-BY-4.0");
        assertThat(manifest.recordings().getLast().kind()).isEqualTo(Manifest.AnswerKind.OTHER);
        assertThat(manifest.bytes(first)).isEqualTo("RIFF".getBytes());
    }

    @Test
    void findsTheAudioInTheFolderItIsToldOf() throws IOException {
        Files.createDirectories(dir.resolve("phone"));
        Files.writeString(dir.resolve(Manifest.FILE_NAME), "file\treference_transcript\tanswer_kind\texpected\nx.wav\t네\tyes_no\tyes\n");
        Files.writeString(dir.resolve("phone/x.wav"), "RIFF");

        assertThat(Manifest.read(dir, dir.resolve("phone")).recordings()).hasSize(1);
        assertThatThrownBy(() -> Manifest.read(dir, dir)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("line 2").hasMessageContaining("x.wav").hasMessageContaining("--audio");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing column      | file\\treference_transcript\\tanswer_kind\\nx.wav\\t네\\tyes_no                 | line 1: no column 'expected'",
            "unknown kind        | file\\treference_transcript\\tanswer_kind\\texpected\\nx.wav\\t네\\tyesno\\tyes  | line 2, column answer_kind: 'yesno'",
            "yes_no not yes/no   | file\\treference_transcript\\tanswer_kind\\texpected\\nx.wav\\t네\\tyes_no\\ttrue | line 2, column expected: 'true'",
            "number not a number | file\\treference_transcript\\tanswer_kind\\texpected\\nx.wav\\t삼\\tnumber\\tthree | line 2, column expected: 'three' is not a number",
            "answer without value| file\\treference_transcript\\tanswer_kind\\texpected\\nx.wav\\t네\\tcountry\\t     | line 2, column expected: empty for a country answer",
            "other with value    | file\\treference_transcript\\tanswer_kind\\texpected\\nx.wav\\t네\\tother\\tyes   | line 2, column expected: 'yes' for an answer of kind other",
            "too many fields     | file\\treference_transcript\\tanswer_kind\\texpected\\nx.wav\\t네\\tyes_no\\tyes\\textra | line 2: 5 tab-separated fields",
            "empty file name     | file\\treference_transcript\\tanswer_kind\\texpected\\n\\t네\\tyes_no\\tyes     | line 2, column file: empty",
    })
    void refusesABrokenManifestNamingTheLineAndColumn(String what, String content, String message) throws IOException {
        Files.writeString(dir.resolve(Manifest.FILE_NAME), content.replace("\\t", "\t").replace("\\n", "\n"));
        Files.writeString(dir.resolve("x.wav"), "RIFF");

        assertThatThrownBy(() -> Manifest.read(dir, dir)).isInstanceOf(ManifestException.class).hasMessageContaining(message);
    }

    @Test
    void aFolderWithoutAManifestSaysWhatIsMissing() {
        assertThatThrownBy(() -> Manifest.read(dir, dir)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("No manifest.tsv in " + dir);
    }

    @Test
    void theShippedCorpusIsAManifestWithALicenceAndSourceOnEveryLine() {
        Manifest shipped = Corpus.load().manifest();

        assertThat(shipped.recordings()).hasSize(Corpus.load().clips().size()).allSatisfy(recording -> {
            assertThat(recording.column("licence")).isNotBlank();
            assertThat(recording.column("source")).isNotBlank();
        });
    }

    private void write(String manifest, String... files) throws IOException {
        Files.writeString(dir.resolve(Manifest.FILE_NAME), manifest);
        for (String file : files) {
            Files.writeString(dir.resolve(file), "RIFF");
        }
    }
}
