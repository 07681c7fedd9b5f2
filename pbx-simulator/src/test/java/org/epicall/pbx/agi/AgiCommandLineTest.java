package org.epicall.pbx.agi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class AgiCommandLineTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "STREAM FILE hello-world \"\"                      | STREAM,FILE,hello-world,",
            "SET VARIABLE SURVEY_RESULT \"5\"                  | SET,VARIABLE,SURVEY_RESULT,5",
            "RECORD FILE \"/tmp/a b\" \"wav\" \"#\" 8000 0 s=2 | RECORD,FILE,/tmp/a b,wav,#,8000,0,s=2",
            "VERBOSE \"say \\\"hi\\\"\" 1                      | VERBOSE,say \"hi\",1",
            "  ANSWER                                          | ANSWER",
            "GET FULL VARIABLE ${A}-${CHANNEL(state)}          | GET,FULL,VARIABLE,${A}-${CHANNEL(state)}",
    })
    void shouldSplitArgumentsAsAsteriskDoes(String line, String expected) {
        String[] args = expected.split(",", -1);
        if (expected.endsWith(",")) {
            args[args.length - 1] = "";
        }

        assertThat(AgiCommandLine.parse(line.strip()).args()).containsExactlyElementsOf(Arrays.asList(args));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "ANSWER | ANSWER",
            "answer | ANSWER",
            "GET VARIABLE X | GET_VARIABLE",
            "GET FULL VARIABLE X | GET_FULL_VARIABLE",
            "STREAM FILE | STREAM_FILE",
            "CONTROL STREAM FILE a b | CONTROL_STREAM_FILE",
            "WAIT FOR DIGIT 100 | WAIT_FOR_DIGIT",
            "FOOBAR | -",
            "GET | -",
            "'' | -",
    }, nullValues = "-")
    void shouldFindTheLongestMatchingCommand(String line, AgiCommand expected) {
        assertThat(AgiCommand.find(AgiCommandLine.parse(line))).isEqualTo(expected);
    }
}
