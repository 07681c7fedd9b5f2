package org.epicall.pbx.cli;

import org.epicall.pbx.PbxConfig;
import org.epicall.pbx.call.Dialplan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PbxSimCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldBuildTheSimulatorConfigFromItsOptions() throws Exception {
        Path personas = dir.resolve("p.yaml");
        Files.writeString(personas, "residents: [{number: \"+821012345678\", behaviour: busy}]\n");
        PbxSimCommand command = new PbxSimCommand();
        new CommandLine(command).parseArgs("--ami-port", "0", "--agi", "agi://127.0.0.1:9999/survey",
                "--personas", personas.toString(), "--time-scale", "20", "--max-calls", "50",
                "--user", "ops:pw:call:originate");

        PbxConfig config = command.config();

        assertThat(config.amiPort()).isZero();
        assertThat(config.timeScale().factor()).isEqualTo(20);
        assertThat(config.maxCalls()).isEqualTo(50);
        assertThat(config.residents().find("+821012345678")).isPresent();
        assertThat(config.dialplan().surveyContexts()).containsKey("survey");
        assertThat(config.users()).singleElement().satisfies(u -> {
            assertThat(u.username()).isEqualTo("ops");
            assertThat(u.write()).isEqualTo("originate");
        });
        assertThat(config.dialplan().surveyContext("survey")).contains(
                Dialplan.Context.survey(URI.create("agi://127.0.0.1:9999/survey")));
    }

    @Test
    void shouldExplainABadPersonaFileWithoutAStackTrace() throws Exception {
        Path personas = dir.resolve("bad.yaml");
        Files.writeString(personas, "residents: [{number: \"+821012345678\", behaviour: grumpy}]\n");
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new PbxSimCommand());
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("--ami-port", "0", "--personas", personas.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("pbx-sim: " + personas)
                .contains("unknown behaviour 'grumpy'").doesNotContain("Exception");
    }
}
