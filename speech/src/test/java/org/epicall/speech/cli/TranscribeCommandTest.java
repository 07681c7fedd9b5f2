package org.epicall.speech.cli;

import org.epicall.speech.KoreanModel;
import org.epicall.speech.audio.Wavs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TranscribeCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsOneJsonObjectWithTranscriptAnswerConfidenceDecisionAndSeconds() throws IOException {
        int exit = run("--lang", "ko", corpusFile("ko/consent-001.wav").toString());

        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString().strip().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("transcript").asString()).isEqualTo("네");
        assertThat(json.path("answer").asBoolean()).isTrue();
        assertThat(json.path("answer_label").asString()).isEqualTo("yes");
        assertThat(json.path("confidence").asDouble()).isBetween(0.6, 1.0);
        assertThat(json.path("decision").asString()).isEqualTo("accept");
        assertThat(json.path("audio_seconds").asDouble()).isGreaterThan(0.5);
        assertThat(json.path("question").asString()).isEqualTo("consent");
    }

    @Test
    void answersTheNamedQuestion() throws IOException {
        int exit = run("--lang", "ko", "--question", "travel", corpusFile("ko/travel-017.wav").toString());

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("question").asString()).isEqualTo("travel");
        assertThat(json.path("answer_label").asString()).isEqualTo("no");
    }

    @Test
    void reportsAnUnclearAnswerAsReAsk() throws IOException {
        int exit = run("--lang", "ko", "--question", "temperature", corpusFile("ko/temperature-049.wav").toString());

        assertThat(exit).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).path("decision").asString()).isEqualTo("re-ask");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "not audio,   not an audio file",
            "wrong format, wrong audio format",
            "empty,       empty",
            "silence,     silent"})
    void refusesUnusableAudioWithAClearMessageAndNoStackTrace(String kind, String message) throws IOException {
        Path file = switch (kind) {
            case "not audio" -> Files.writeString(dir.resolve("answer.wav"), "hello");
            case "wrong format" -> Wavs.tone(dir.resolve("answer.wav"), 44100, 16, 2, 0.5, 0.3);
            case "empty" -> Files.createFile(dir.resolve("answer.wav"));
            default -> Wavs.tone(dir.resolve("answer.wav"), 8000, 16, 1, 1, 0);
        };

        int exit = run("--lang", "ko", file.toString());

        assertThat(exit).isEqualTo(TranscribeCommand.BAD_INPUT);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("epicall transcribe: ").contains("answer.wav").contains(message)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void refusesAnUnknownQuestionNamingTheKnownOnes() throws IOException {
        int exit = run("--lang", "ko", "--question", "shoe_size", corpusFile("ko/consent-001.wav").toString());

        assertThat(exit).isEqualTo(TranscribeCommand.BAD_INPUT);
        assertThat(err.toString()).contains("shoe_size").contains("consent").doesNotContain("Exception");
    }

    @Test
    void refusesALanguageTheQuestionnaireLacks() throws IOException {
        int exit = run("--lang", "fr", corpusFile("ko/consent-001.wav").toString());

        assertThat(exit).isEqualTo(TranscribeCommand.BAD_INPUT);
        assertThat(err.toString()).contains("'fr'").contains("[ko, en]");
    }

    @Test
    void refusesABrokenQuestionnaireNamingTheFile() throws IOException {
        Path yaml = Files.writeString(dir.resolve("broken.yaml"), "id: x\nquestions: 7\n");

        int exit = run("--lang", "ko", "--questionnaire", yaml.toString(), corpusFile("ko/consent-001.wav").toString());

        assertThat(exit).isEqualTo(TranscribeCommand.BAD_INPUT);
        assertThat(err.toString()).contains("broken.yaml").doesNotContain("\tat ");
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new TranscribeCommand(KoreanModel.recognizer()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path corpusFile(String name) throws IOException {
        Path file = dir.resolve(Path.of(name).getFileName());
        try (InputStream in = KoreanModel.clip(name).open()) {
            Files.copy(in, file);
        }
        return file;
    }
}
