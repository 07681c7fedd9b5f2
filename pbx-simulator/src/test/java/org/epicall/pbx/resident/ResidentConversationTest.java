package org.epicall.pbx.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ResidentConversationTest {

    private final ResidentConversation conversation = new ResidentConversation(Resident.of("+821000000001",
            Behaviour.ANSWER).withAnswers(List.of(new Answer("consent", null, "1"), new Answer("temperature", null, "37*5#"))));

    @Test
    void shouldKeyInTheRestOfAnAnswerWhoseFirstKeyStoppedTheRecording() {
        conversation.startRecording("temperature");
        conversation.pressed(1);

        assertThat(conversation.keysLeft("temperature")).isEqualTo("7*5#");
    }

    @Test
    void shouldKeyInEachQuestionInFullWhenAskedOnTheKeypadOnly() {
        // as after RECORD FILE answered (writefile): the dialer asks every question by GET DATA alone
        assertThat(conversation.keysLeft("consent")).isEqualTo("1");
        conversation.pressed(1);

        assertThat(conversation.keysLeft("temperature")).isEqualTo("37*5#");
    }

    @Test
    void shouldPressNoKeyTwiceInOneAsk() {
        assertThat(conversation.keysLeft("consent")).isEqualTo("1");
        conversation.pressed(1);

        assertThat(conversation.keysLeft("consent")).isEmpty();
    }
}
