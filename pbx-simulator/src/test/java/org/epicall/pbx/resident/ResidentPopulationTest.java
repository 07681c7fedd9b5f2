package org.epicall.pbx.resident;

import org.epicall.corpus.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ResidentPopulationTest {

    private static ResidentPopulation.Settings settings(int count, long seed) {
        return ResidentPopulation.Settings.realistic(count, seed);
    }

    @Test
    void shouldGenerateTheSamePopulationFromTheSameSeed() {
        List<Resident> first = ResidentPopulation.generate(settings(200, 42));
        List<Resident> second = ResidentPopulation.generate(settings(200, 42));

        assertThat(describe(first)).isEqualTo(describe(second));
        assertThat(describe(first)).isNotEqualTo(describe(ResidentPopulation.generate(settings(200, 43))));
    }

    private static List<String> describe(List<Resident> residents) {
        return residents.stream().map(r -> r.number() + " " + r.behaviour() + " " + r.after() + " "
                + r.hangupAtQuestion() + " " + r.answers().stream()
                .map(a -> a.questionId() + "=" + a.audio().location() + "/" + a.digits())
                .collect(Collectors.joining(","))).toList();
    }

    @Test
    void shouldFollowTheBehaviourMix() {
        Map<Behaviour, Integer> mix = new EnumMap<>(Behaviour.class);
        mix.put(Behaviour.ANSWER, 3);
        mix.put(Behaviour.BUSY, 1);
        List<Resident> residents = ResidentPopulation.generate(new ResidentPopulation.Settings(4000, 1,
                "+821000000000", "ko", mix, Duration.ZERO, 0));

        long busy = residents.stream().filter(r -> r.behaviour() == Behaviour.BUSY).count();
        assertThat(busy / 4000.0).isCloseTo(0.25, within(0.03));
    }

    @Test
    void shouldNumberResidentsConsecutivelyAndAnswerEveryCorpusQuestion() {
        List<Resident> residents = ResidentPopulation.generate(settings(3, 5));
        List<String> questions = Corpus.load().clips("ko").stream().map(Corpus.Clip::question).distinct().toList();

        assertThat(residents).extracting(Resident::number)
                .containsExactly("+821000000000", "+821000000001", "+821000000002");
        assertThat(residents.getFirst().answers()).extracting(Answer::questionId).containsExactlyElementsOf(questions);
        assertThat(residents.getFirst().answers().getFirst().audio().pcm().samples()).isPositive();
    }

    @Test
    void shouldMakeTheShareOfBusyAndNoAnswerResidentsAnswerTheSecondCall() {
        List<Resident> unreachable = ResidentPopulation.generate(settings(400, 3)).stream()
                .filter(r -> r.behaviour() == Behaviour.BUSY || r.behaviour() == Behaviour.NO_ANSWER).toList();
        long answeringLater = unreachable.stream().filter(r -> r.thenAnswerAfter() == 1).count();

        assertThat(unreachable).isNotEmpty();
        assertThat(answeringLater).isEqualTo(unreachable.size() / 2);
    }

    @Test
    void shouldKeepBusyResidentsBusyOnEveryCallWithoutALaterAnswerShare() {
        List<Resident> residents = ResidentPopulation.generate(new ResidentPopulation.Settings(50, 1,
                "+821000000000", "ko", Map.of(Behaviour.BUSY, 1), Duration.ZERO, 0));

        assertThat(residents).extracting(Resident::thenAnswerAfter).containsOnly(0);
    }

    @ParameterizedTest(name = "share {0}: {1} of 10 answer later")
    @CsvSource({"0, 0", "0.5, 5", "0.3, 3", "1, 10"})
    void shouldSpreadTheLaterAnswerShareEvenly(double share, int expected) {
        long later = IntStream.range(0, 10).filter(k -> ResidentPopulation.answersLater(k, share)).count();

        assertThat(later).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"yes, 1", "no, 2", "37.5, 37*5", "38, 38", "cough, ''", "nomatch, ''"})
    void shouldKeyAnswersAsTheQuestionnaireKeypadExpects(String expected, String digits) {
        assertThat(ResidentPopulation.keypadDigits(expected)).isEqualTo(digits);
    }

    @Test
    void shouldRejectAMixWithoutPositiveWeights() {
        assertThatThrownBy(() -> new ResidentPopulation.Settings(1, 1, "+821000000000", "ko",
                ResidentPopulation.Settings.parseMix("answer=0"), Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive weight");
        assertThatThrownBy(() -> ResidentPopulation.Settings.parseMix("sleepy=3"))
                .hasMessageContaining("unknown behaviour 'sleepy'");
    }
}
