package org.epicall.survey.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceInterpretationTest {

    private final AnswerInterpreter interpreter = new AnswerInterpreter();

    @ParameterizedTest(name = "[{0}] \"{1}\" is {2}")
    @CsvSource(delimiter = '|', value = {
            "ko | 기침 | cough",
            "ko | 기침이요 | cough",
            "ko | 기침이 나요 | cough",
            "ko | 네 기침이 있어요 | cough",
            "ko | 음 기침 | cough",
            "ko | 목이 아파요 | sore_throat",
            "ko | 기침하고 목이 아파요 | cough sore_throat",
            "ko | 기침이랑 숨이 차요 | cough short_breath",
            "ko | 기침 랑 숨이 차요 | cough short_breath",
            "ko | 숨이 차요 그리고 냄새를 못 맡아요 | short_breath taste_smell_loss",
            "ko | 맛을 못 느껴요 | taste_smell_loss",
            "ko | 없어요 | none",
            "ko | 아무 증상 없어요 | none",
            "ko | 없습니다 | none",
            "ko | 기침은 있고 목은 안 아파요 | cough",
            "ko | 목 아파요 기침은 없어요 | sore_throat",
            "en | cough | cough",
            "en | a cough | cough",
            "en | I have a cough | cough",
            "en | coughing and a sore throat | cough sore_throat",
            "en | sore throat and shortness of breath | sore_throat short_breath",
            "en | I lost my sense of smell | taste_smell_loss",
            "en | none | none",
            "en | no symptoms | none",
            "en | nothing | none",
            "en | no | none",
            "en | a sore throat but no cough | sore_throat",
            "ko | 기침은 해요 목은 괜찮아요 | cough",
            "ko | 목이 아파요 기침은 안 해요 | sore_throat",
            "en | a cough but my throat is fine | cough",
            "en | sore throat but I'm not coughing | sore_throat",
    })
    void shouldReadSymptoms(String language, String transcript, String expected) {
        Interpretation interpretation = interpreter.interpret(Questions.get("symptoms"), language, transcript, 0.9);

        assertThat(interpretation.matched()).as(interpretation.note()).isTrue();
        assertThat(interpretation.value()).isEqualTo(Arrays.asList(expected.split(" ")));
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" is no match")
    @CsvSource(delimiter = '|', value = {
            "ko | 기침은 없어요",
            "ko | 기침 없어요",
            "ko | 기침하고 없어요",
            "ko | 없어요 기침",
            "ko | 기침 있어요 기침 없어요",
            "ko | 두통이요",
            "ko | 모르겠어요",
            "ko | 음",
            "en | no cough",
            "en | none and a cough",
            "en | headache",
            "en | I don't know",
            "en | uh",
            "ko | 기침은 안 해요",
            "ko | 목은 안 아파요 기침도 안 해요",
            "ko | 기침하고 기침은 안 해요",
            "ko | 기침은 별로 없어요",
            "ko | 목은 안 아파요",
            "en | I don't really have a cough",
            "en | not much of a cough",
            "en | never had a sore throat",
            "ko | 기침약",
            "ko | 목걸이",
            "ko | 맛있어요",
            "ko | 맛이 좋아요",
            "ko | 냄새나요",
            "en | coughdrops",
            "en | tasty",
            "en | it smells nice",
            // a joining word with nothing before it: the option it joined was not heard
            "ko | 랑 없어요",
            "ko | 랑 있어요 없어요",
            "ko | 음 랑 없어요",
            "ko | '[unk] 랑 기침'",
            "ko | 과 목이 아파요",
            "en | and a cough",
            "en | '[unk] and none'",
    })
    void shouldNotGuessDeniedContradictoryOrUnknownSymptoms(String language, String transcript) {
        Interpretation interpretation = interpreter.interpret(Questions.get("symptoms"), language, transcript, 0.9);

        assertThat(interpretation.matched()).as("%s -> %s", transcript, interpretation).isFalse();
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" is {2}")
    @CsvSource(delimiter = '|', value = {
            "ko | 일본 | japan",
            "ko | 일본에 다녀왔어요 | japan",
            "ko | 베트남이요 | vietnam",
            "ko | 미국 | usa",
            "ko | 도쿄 | japan",
            "ko | 다른 나라 | other",
            "en | Japan | japan",
            "en | the united states | usa",
            "en | I went to Vietnam | vietnam",
            "en | Bangkok | thailand",
    })
    void shouldReadTheCountryOfTravel(String language, String transcript, String expected) {
        Interpretation interpretation = interpreter.interpret(Questions.get("travel_country"), language, transcript, 0.9);

        assertThat(interpretation.value()).as(interpretation.note()).isEqualTo(List.of(expected));
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" names two countries for a single choice")
    @CsvSource(delimiter = '|', value = {"ko | 일본하고 중국", "en | japan and china"})
    void shouldRefuseSeveralOptionsForASingleChoice(String language, String transcript) {
        Interpretation interpretation = interpreter.interpret(Questions.get("travel_country"), language, transcript, 0.9);

        assertThat(interpretation.matched()).isFalse();
        assertThat(interpretation.note()).contains("several options");
    }
}
