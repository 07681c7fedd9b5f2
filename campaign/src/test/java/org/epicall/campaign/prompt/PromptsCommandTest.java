package org.epicall.campaign.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.epicall.survey.prompt.PromptIds;
import org.epicall.survey.prompt.PromptTexts;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code epicall prompts render}: every prompt of a questionnaire as Asterisk plays it, per language. */
class PromptsCommandTest {

    @TempDir Path dir;
    private Path questionnaire;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void questionnaire() throws IOException {
        questionnaire = dir.resolve("covid-checkin.yaml");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("questionnaires/covid-checkin.yaml")) {
            Files.copy(in, questionnaire);
        }
    }

    @Test
    void rendersEveryPromptInEveryLanguageAs8KHzMonoWav() throws Exception {
        Assumptions.assumeTrue(PromptRenderer.unavailableBecause().isEmpty(),
                () -> PromptRenderer.unavailableBecause().get());
        var texts = PromptTexts.of(QuestionnaireLoader.load(questionnaire));
        int expected = texts.values().stream().mapToInt(m -> m.size()).sum();

        assertThat(run("render", "--questionnaire", questionnaire.toString(), "--out", dir.resolve("out").toString()))
                .as(err.toString()).isZero();

        Path root = dir.resolve("out").resolve("covid-checkin");
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(expected).allSatisfy(file -> {
                assertThat(file.getFileName().toString()).endsWith(".wav");
                assertThat(TelephoneWav.check(file.getFileName().toString(), Files.readAllBytes(file))).isPositive();
            });
        }
        assertThat(root.resolve("ko").resolve("intro.wav")).isRegularFile();
        assertThat(root.resolve("en").resolve("fever-reask.wav")).isRegularFile();
        assertThat(out.toString()).contains("rendered " + expected + " prompts of covid-checkin");
    }

    @Test
    void forACampaignWritesWhereTheDialerAsksAsteriskForThemKeepingWhatIsThere() throws Exception {
        Assumptions.assumeTrue(PromptRenderer.unavailableBecause().isEmpty(),
                () -> PromptRenderer.unavailableBecause().get());
        Path sounds = dir.resolve("sounds");
        Path official = sounds.resolve(PromptIds.sound("cmp-1", "covid-checkin", "ko", PromptIds.INTRO) + ".wav");
        Files.createDirectories(official.getParent());
        Files.writeString(official, "an official's recording");

        assertThat(run("render", "--questionnaire", questionnaire.toString(), "--campaign", "cmp-1",
                "--out", sounds.resolve(PromptIds.SOUNDS_DIR).toString(), "--languages", "ko", "--keep"))
                .as(err.toString()).isZero();

        assertThat(official).hasContent("an official's recording");
        assertThat(sounds.resolve(PromptIds.sound("cmp-1", "covid-checkin", "ko", PromptIds.reask("fever")) + ".wav"))
                .isRegularFile();
        assertThat(sounds.resolve(PromptIds.SOUNDS_DIR).resolve("cmp-1").resolve("covid-checkin").resolve("en"))
                .doesNotExist();
        assertThat(out.toString()).contains("(kept 1 that were there)");
    }

    @Test
    void aLanguageTheQuestionnaireDoesNotHaveIsRefusedNamingThoseItHas() {
        assertThat(run("render", "--questionnaire", questionnaire.toString(), "--languages", "ko,fr")).isEqualTo(2);
        assertThat(err.toString()).startsWith("prompts render: ").contains("has no language fr (it has ");
    }

    @Test
    void aQuestionnaireThatCannotBeReadIsNamed() {
        assertThat(run("render", "--questionnaire", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("prompts render: ").contains("missing.yaml");
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new PromptsCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
