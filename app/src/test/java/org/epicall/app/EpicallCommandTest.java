package org.epicall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class EpicallCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate", "frobnicate --help", "dialr --config x.yaml"})
    void shouldRefuseAWordThatNamesNoCommandNamingIt(String line) {
        StringWriter err = new StringWriter();
        CommandLine epicall = new CommandLine(new EpicallCommand()).setErr(new PrintWriter(err));

        int exit = EpicallCommand.run(epicall, line.split(" "));

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).startsWith("epicall: '" + line.split(" ")[0] + "' is not a command.")
                .contains("dialer", "campaign-service", "demo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prompts frobnicate --help", "questionnaire frobnicate", "bench frobnicate --help"})
    void shouldRefuseAWordThatNamesNoSubcommandNamingItAndTheCommandAboveIt(String line) {
        StringWriter err = new StringWriter();
        CommandLine epicall = new CommandLine(new EpicallCommand()).setErr(new PrintWriter(err));
        String above = line.split(" ")[0];

        int exit = EpicallCommand.run(epicall, line.split(" "));

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).startsWith("epicall " + above + ": 'frobnicate' is not a command. Commands: ")
                .contains("See epicall " + above + " --help.");
    }

    @org.junit.jupiter.api.Test
    void shouldRefuseAWordACommandTakesNoArgumentFor() {
        StringWriter err = new StringWriter();
        CommandLine epicall = new CommandLine(new EpicallCommand()).setErr(new PrintWriter(err));

        int exit = EpicallCommand.run(epicall, "prompts", "render", "frobnicate", "--help");

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).startsWith("epicall prompts render: 'frobnicate' is not an argument it takes.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "dialer --help", "help", "prompts render --help", "help demo"})
    void shouldStillHelpWithTheCommandsThatExist(String line) {
        StringWriter out = new StringWriter();
        CommandLine epicall = new CommandLine(new EpicallCommand()).setOut(new PrintWriter(out));

        assertThat(EpicallCommand.run(epicall, line.split(" "))).isZero();
        assertThat(out.toString()).contains("Usage: epicall");
    }
}
