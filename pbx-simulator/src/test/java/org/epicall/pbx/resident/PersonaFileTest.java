package org.epicall.pbx.resident;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonaFileTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("personas.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private void copyAnswerWav() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("audio/resident-answer.wav")) {
            Files.copy(in, dir.resolve("fever-no.wav"));
        }
    }

    @Test
    void shouldLoadResidentsWithTheirBehavioursAndAnswers() throws IOException {
        copyAnswerWav();
        ResidentDirectory residents = PersonaFile.load(write("""
                residents:
                  - number: "+821012345678"
                    behaviour: answer
                    ringSeconds: 2.5
                    answers:
                      - question: consent
                        audio: corpus:ko/consent-000.wav
                        digits: "1"
                      - question: fever
                        audio: fever-no.wav
                  - number: "+82 10 1234 5679"
                    behaviour: hangup-at-question
                    hangupAtQuestion: 2
                    hangupAfterSeconds: 90
                  - number: "+821012345680"
                    behaviour: no_answer
                  - number: "+821012345681"
                    behaviour: busy
                    thenAnswerAfter: 2
                """));

        Resident first = residents.find("+821012345678").orElseThrow();
        assertThat(first.behaviour()).isEqualTo(Behaviour.ANSWER);
        assertThat(first.after()).isEqualTo(Duration.ofMillis(2500));
        assertThat(first.answers()).extracting(Answer::questionId).containsExactly("consent", "fever");
        assertThat(first.answers().get(0).digits()).isEqualTo("1");
        assertThat(first.answers().get(0).audio().pcm().samples()).isPositive();
        assertThat(first.answers().get(1).audio().pcm().samples()).isPositive();
        Resident second = residents.find("821012345679").orElseThrow();
        assertThat(second.hangupAtQuestion()).isEqualTo(2);
        assertThat(second.hangupAfter()).contains(Duration.ofSeconds(90));
        assertThat(residents.find("+821012345680").orElseThrow().behaviour()).isEqualTo(Behaviour.NO_ANSWER);
        assertThat(residents.find("+821012345680").orElseThrow().thenAnswerAfter()).isZero();
        Resident busyTwice = residents.find("+821012345681").orElseThrow();
        assertThat(busyTwice.behaviour()).isEqualTo(Behaviour.BUSY);
        assertThat(busyTwice.thenAnswerAfter()).isEqualTo(2);
    }

    @Test
    void shouldAddAGeneratedPopulation() throws IOException {
        ResidentDirectory residents = PersonaFile.load(write("""
                population:
                  count: 50
                  seed: 7
                  firstNumber: "+821099990000"
                  language: en
                  mix: {answer: 1, busy: 1}
                """));

        assertThat(residents.size()).isEqualTo(50);
        assertThat(residents.find("+821099990049")).isPresent();
        assertThat(residents.residents()).extracting(Resident::behaviour)
                .containsOnly(Behaviour.ANSWER, Behaviour.BUSY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown behaviour | 'residents: [{number: \"+821012345678\", behaviour: sleepy}]' "
                    + "| residents[0] (+821012345678).behaviour: unknown behaviour 'sleepy'",
            "missing hangup question | 'residents: [{number: \"+821012345678\", behaviour: hangup-at-question}]' "
                    + "| residents[0] (+821012345678).hangupAtQuestion",
            "bad number | 'residents: [{number: \"call me\", behaviour: busy}]' | residents[0].number: 'call me'",
            "missing audio file | 'residents: [{number: \"+821012345678\", behaviour: answer, answers: [{question: q, audio: nope.wav}]}]' "
                    + "| residents[0] (+821012345678).answers[0].audio: audio file",
            "bad digits | 'residents: [{number: \"+821012345678\", behaviour: answer, answers: [{question: q, digits: \"1a\"}]}]' "
                    + "| answers[0].digits",
            "duplicate number | 'residents: [{number: \"+821012345678\", behaviour: busy}, {number: \"821012345678\", behaviour: busy}]' "
                    + "| appears twice",
            "unknown field | 'residents: [{number: \"+821012345678\", behaviour: busy, colour: red}]' | line 1",
            "bad mix | 'population: {count: 3, mix: {answer: x}}' | line 1",
            "thenAnswerAfter on an answering resident | 'residents: [{number: \"+821012345678\", behaviour: answer, thenAnswerAfter: 1}]' "
                    + "| residents[0] (+821012345678).thenAnswerAfter: only for a resident a person may answer for later",
            "thenAnswerAfter zero | 'residents: [{number: \"+821012345678\", behaviour: busy, thenAnswerAfter: 0}]' "
                    + "| residents[0] (+821012345678).thenAnswerAfter: must be 1 or more",
            "laterAnswerShare above one | 'population: {count: 3, laterAnswerShare: 2}' "
                    + "| population: laterAnswerShare must be between 0 and 1",
    })
    void shouldNameTheFileThePlaceAndTheProblem(String problem, String yaml, String expectedMessagePart)
            throws IOException {
        Path file = write(yaml);

        assertThatThrownBy(() -> PersonaFile.load(file)).isInstanceOf(PersonaFileException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(expectedMessagePart);
    }

    @Test
    void shouldLoadTheDocumentedExample() {
        ResidentDirectory residents = PersonaFile.load(Path.of("personas-example.yaml"));

        assertThat(residents.size()).isEqualTo(112);
        assertThat(residents.find("+821012340006").orElseThrow().hangupAtQuestion()).isEqualTo(2);
        assertThat(residents.find("+821012340009").orElseThrow().thenAnswerAfter()).isEqualTo(1);
        assertThat(residents.find("+821012340010").orElseThrow().behaviour()).isEqualTo(Behaviour.UNALLOCATED);
        assertThat(residents.find("+821012340011").orElseThrow().behaviour()).isEqualTo(Behaviour.ABSENT);
        assertThat(residents.find("+821012340012").orElseThrow().onCall(2).behaviour()).isEqualTo(Behaviour.ANSWER);
        assertThat(residents.find("+821012340001").orElseThrow().answers())
                .allSatisfy(answer -> assertThat(answer.audio().pcm().samples()).isPositive());
    }

    @Test
    void shouldReportAMissingFile() {
        assertThatThrownBy(() -> PersonaFile.load(dir.resolve("absent.yaml"))).isInstanceOf(PersonaFileException.class)
                .hasMessageContaining("absent.yaml: file not found");
    }
}
