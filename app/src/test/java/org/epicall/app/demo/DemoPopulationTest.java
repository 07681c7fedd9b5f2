package org.epicall.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.junit.jupiter.api.Test;

class DemoPopulationTest {

    @Test
    void apportionsTwentyResidentsSoThatEveryBehaviourWithAFifthOfAShareAppears() {
        Map<Behaviour, Integer> shares = DemoPopulation.apportion(DemoPopulation.mix(), 20);

        assertThat(shares.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
        assertThat(shares).containsEntry(Behaviour.ANSWER, 13).containsEntry(Behaviour.BUSY, 2)
                .containsEntry(Behaviour.NO_ANSWER, 2).containsEntry(Behaviour.REJECTED, 1)
                .containsEntry(Behaviour.HANGUP_AT_QUESTION, 1).containsEntry(Behaviour.KEYPAD_ONLY, 1);
    }

    @Test
    void apportionsTwoHundredResidentsInProportionToTheWeights() {
        Map<Behaviour, Integer> shares = DemoPopulation.apportion(DemoPopulation.mix(), 200);

        assertThat(shares).containsEntry(Behaviour.ANSWER, 128).containsEntry(Behaviour.BUSY, 16)
                .containsEntry(Behaviour.KEYPAD_ONLY, 14);
    }

    @Test
    void numbersResidentsConsecutivelyFromTheFirstKoreanMobileNumber() {
        List<Resident> residents = DemoPopulation.generate(5, 7);

        assertThat(residents).extracting(Resident::number)
                .containsExactly("+821020000000", "+821020000001", "+821020000002", "+821020000003", "+821020000004");
    }

    @Test
    void makesHalfOfTheBusyAndNoAnswerResidentsAnswerTheSecondCall() {
        List<Resident> residents = DemoPopulation.generate(200, 11);

        assertThat(residents.stream().filter(r -> r.thenAnswerAfter() == 1))
                .hasSize(16).allMatch(r -> r.behaviour() == Behaviour.BUSY || r.behaviour() == Behaviour.NO_ANSWER);
        assertThat(residents.stream().filter(r -> r.behaviour() == Behaviour.BUSY && r.thenAnswerAfter() == 1))
                .hasSize(8);
        assertThat(residents).allMatch(r -> r.thenAnswerAfter() <= 1);
    }

    @Test
    void keepsOneResidentOutOfAttemptsWhenThereIsOneBusyAndOneUnansweredResident() {
        Map<Behaviour, Integer> mix = Map.of(Behaviour.ANSWER, 1, Behaviour.BUSY, 1, Behaviour.NO_ANSWER, 1);
        List<Resident> residents = DemoPopulation.generate(3, 5, mix);

        assertThat(residents).filteredOn(r -> r.behaviour() == Behaviour.BUSY).singleElement()
                .extracting(Resident::thenAnswerAfter).isEqualTo(0);
        assertThat(residents).filteredOn(r -> r.behaviour() == Behaviour.NO_ANSWER).singleElement()
                .extracting(Resident::thenAnswerAfter).isEqualTo(1);
        assertThat(DemoPopulation.describe(residents)).contains("1 busy", "1 no-answer (1 answer call 2)");
        assertThat(DemoPopulation.rosterRows(residents)).extracting(DemoRoster.Row::name)
                .anyMatch(name -> name.endsWith("(no-answer then answers call 2)"));
    }

    @Test
    void theSameSeedGivesTheSamePopulation() {
        assertThat(describe(DemoPopulation.generate(30, 11))).isEqualTo(describe(DemoPopulation.generate(30, 11)));
    }

    private static List<String> describe(List<Resident> residents) {
        return residents.stream().map(r -> r.number() + " " + r.behaviour() + " " + r.thenAnswerAfter() + " " + r.after() + " "
                + r.answers().stream().map(a -> a.questionId() + "=" + a.audio().location() + "/" + a.digits()).toList())
                .toList();
    }
}
