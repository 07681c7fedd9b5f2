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
    void theSameSeedGivesTheSamePopulation() {
        assertThat(describe(DemoPopulation.generate(30, 11))).isEqualTo(describe(DemoPopulation.generate(30, 11)));
    }

    private static List<String> describe(List<Resident> residents) {
        return residents.stream().map(r -> r.number() + " " + r.behaviour() + " " + r.after() + " "
                + r.answers().stream().map(a -> a.questionId() + "=" + a.audio().location() + "/" + a.digits()).toList())
                .toList();
    }
}
