package org.epicall.survey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class QuestionnaireCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new QuestionnaireCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void checkShouldAcceptAValidFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("checkin.yaml");
        try (var in = getClass().getClassLoader().getResourceAsStream(QuestionnaireSource.SHIPPED)) {
            Files.write(file, in.readAllBytes());
        }

        assertThat(run("check", file.toString())).isZero();
        assertThat(out.toString()).contains("OK, covid-checkin version 1, 8 questions in [ko, en], 5 triage rules");
    }

    @Test
    void checkShouldListTheProblemsOfABrokenFileAndExitOne(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("broken.yaml");
        Files.writeString(file, "id: x\nlanguages: [ko]\nquestions:\n  - id: a\n    type: yesno\n");

        assertThat(run("check", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("broken.yaml").contains("questions[0].type").contains("unknown question type 'yesno'")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void checkShouldNameAMissingFile(@TempDir Path directory) {
        assertThat(run("check", directory.resolve("nope.yaml").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("nope.yaml").contains("file not found");
    }

    @Test
    void interpretShouldPrintTheTypedAnswerAsJson() {
        assertThat(run("interpret", "--question", "temperature", "--lang", "ko", "삼십칠", "점", "오", "도")).isZero();
        assertThat(out.toString()).contains("\"question\":\"temperature\"").contains("\"value\":37.5")
                .contains("\"confidence\":1.0").contains("\"decision\":\"accept\"");
    }

    @Test
    void interpretShouldReadKeypadEntries() {
        assertThat(run("interpret", "--question", "fever", "--keys", "1#")).isZero();
        assertThat(out.toString()).contains("\"keys\":\"1#\"").contains("\"value\":true");
    }

    @Test
    void interpretShouldExitOneOnNoMatchAndSayWhy() {
        assertThat(run("interpret", "--question", "fever", "--lang", "en", "--ask", "2", "yes", "no")).isEqualTo(1);
        assertThat(out.toString()).contains("\"value\":null").contains("contradiction").contains("\"decision\":\"keypad\"");
    }

    @Test
    void interpretShouldRefuseAnUnknownQuestionListingTheKnownOnes() {
        assertThat(run("interpret", "--question", "temp", "삼십칠")).isEqualTo(2);
        assertThat(err.toString()).contains("No question 'temp'").contains("temperature");
    }

    @Test
    void interpretShouldRefuseALanguageTheQuestionnaireIsNotIn() {
        assertThat(run("interpret", "--question", "fever", "--lang", "fr", "oui")).isEqualTo(2);
        assertThat(err.toString()).contains("not 'fr'");
    }

    @Test
    void phrasesShouldListTheGrammar() {
        assertThat(run("phrases", "--question", "fever", "--lang", "ko")).isZero();
        assertThat(out.toString().lines()).contains("네", "아니요", "없어요");
    }
}
