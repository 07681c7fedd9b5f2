package org.epicall.dialer.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.time.InstantSource;

import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.call.SurveyResponse;
import org.epicall.survey.call.SurveyStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The survey call's state machine, driven over an in-memory channel. */
class SurveyConversationTest {

    @TempDir
    Path recordings;
    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-21T10:00:00Z"));
    private final SurveyCall call = new SurveyCall("att-1", "camp-1", "contact-1", "covid-checkin", "ko", "sim-1");

    private SurveyResponse converse(FakeChannel channel, FakeScript script) {
        return new SurveyConversation(channel, script, call, AgiConfig.defaults(recordings), clock).run();
    }

    @Test
    void shouldCompleteWhenEveryAnswerIsUnderstoodAtOnce() {
        FakeScript script = new FakeScript()
                .hears("consent", 1, true, Decision.ACCEPT)
                .hears("travel", 1, false, Decision.ACCEPT);
        FakeChannel channel = new FakeChannel();

        SurveyResponse response = converse(channel, script);

        assertThat(response.status()).isEqualTo(SurveyStatus.COMPLETE);
        assertThat(response.stoppedAt()).isNull();
        assertThat(response.answers()).extracting(AnsweredQuestion::questionId).containsExactly("consent", "travel");
        assertThat(response.answers()).allSatisfy(a -> {
            assertThat(a.source()).isEqualTo(AnswerSource.VOICE);
            assertThat(a.asks()).isEqualTo(1);
        });
        assertThat(channel.commands).first().isEqualTo("ANSWER");
        assertThat(channel.commands).contains("STREAM FILE epicall/camp-1/covid-checkin/ko/intro",
                "STREAM FILE epicall/camp-1/covid-checkin/ko/thanks");
        assertThat(channel.commands).last().isEqualTo("HANGUP");
    }

    @Test
    void shouldNameTheQuestionInEpicallQuestionBeforeEachRecording() {
        FakeScript script = new FakeScript()
                .hears("consent", 1, true, Decision.ACCEPT)
                .hears("travel", 1, false, Decision.ACCEPT);
        FakeChannel channel = new FakeChannel();

        converse(channel, script);

        assertThat(channel.commands).containsSubsequence(
                "SET VARIABLE EPICALL_QUESTION consent", "RECORD FILE att-1-consent-1",
                "SET VARIABLE EPICALL_QUESTION travel", "RECORD FILE att-1-travel-1");
    }

    @Test
    void shouldKeepEachRecordingAndRecordItsPath() {
        FakeScript script = new FakeScript()
                .hears("consent", 1, true, Decision.ACCEPT)
                .hears("travel", 1, false, Decision.ACCEPT);

        SurveyResponse response = converse(new FakeChannel(), script);

        Path expected = recordings.resolve("camp-1").resolve("att-1-travel-1.wav");
        assertThat(response.answers().get(1).audioPath()).isEqualTo(expected.toString());
        assertThat(expected).exists();
    }

    @Test
    void shouldAskOnceMoreAfterANoMatchAndAcceptTheSecondAnswer() {
        FakeScript script = new FakeScript()
                .hears("consent", 1, true, Decision.ACCEPT)
                .hears("travel", 1, null, Decision.REASK)
                .hears("travel", 2, false, Decision.ACCEPT);
        FakeChannel channel = new FakeChannel();

        SurveyResponse response = converse(channel, script);

        AnsweredQuestion travel = response.answers().get(1);
        assertThat(travel.value()).isEqualTo(false);
        assertThat(travel.asks()).isEqualTo(2);
        assertThat(travel.source()).isEqualTo(AnswerSource.VOICE);
        assertThat(channel.commands).contains("STREAM FILE epicall/camp-1/covid-checkin/ko/travel-reask");
    }

    @Test
    void shouldFallBackToTheKeypadAfterTheReaskFailsToo() {
        FakeScript script = new FakeScript()
                .hears("consent", 1, true, Decision.ACCEPT)
                .hears("travel", 1, null, Decision.REASK)
                .hears("travel", 2, null, Decision.REASK);
        FakeChannel channel = new FakeChannel().keys("travel", "2");

        SurveyResponse response = converse(channel, script);

        AnsweredQuestion travel = response.answers().get(1);
        assertThat(travel.source()).isEqualTo(AnswerSource.KEYPAD);
        assertThat(travel.value()).isEqualTo(false);
        assertThat(travel.confidence()).isEqualTo(1.0);
        assertThat(travel.asks()).isEqualTo(3);
        assertThat(channel.commands).containsSubsequence("RECORD FILE att-1-travel-1", "RECORD FILE att-1-travel-2",
                "SET VARIABLE EPICALL_QUESTION travel", "GET DATA epicall/camp-1/covid-checkin/ko/travel-keypad");
        assertThat(response.status()).isEqualTo(SurveyStatus.COMPLETE);
    }

    @Test
    void shouldGoStraightToTheKeypadWhenThePolicySaysSo() {
        FakeScript script = new FakeScript()
                .hears("consent", 1, true, Decision.ACCEPT)
                .hears("travel", 1, null, Decision.KEYPAD);
        FakeChannel channel = new FakeChannel().keys("travel", "2");

        AnsweredQuestion travel = converse(channel, script).answers().get(1);

        assertThat(travel.asks()).isEqualTo(2);
        assertThat(travel.source()).isEqualTo(AnswerSource.KEYPAD);
    }

    @Test
    void shouldLeaveTheQuestionUnansweredWhenTheKeypadGivesNothingUsable() {
        FakeScript script = new FakeScript()
                .hears("consent", 1, true, Decision.ACCEPT)
                .hears("travel", 1, null, Decision.KEYPAD);
        FakeChannel channel = new FakeChannel().keys("travel", "9");

        SurveyResponse response = converse(channel, script);

        AnsweredQuestion travel = response.answers().get(1);
        assertThat(travel.decision()).isEqualTo(Decision.UNANSWERED);
        assertThat(travel.source()).isEqualTo(AnswerSource.NONE);
        assertThat(travel.value()).isNull();
        assertThat(response.status()).isEqualTo(SurveyStatus.COMPLETE);
    }

    @Test
    void shouldRecordThatTheResidentDoesNotKnowWithoutAskingOnTheKeypad() {
        FakeScript script = new FakeScript()
                .hears("consent", 1, true, Decision.ACCEPT)
                .doesNotKnow("travel", 1, Decision.REASK)
                .doesNotKnow("travel", 2, Decision.UNANSWERED);
        FakeChannel channel = new FakeChannel().keys("travel", "1");

        SurveyResponse response = converse(channel, script);

        AnsweredQuestion travel = response.answers().get(1);
        assertThat(travel.decision()).isEqualTo(Decision.UNANSWERED);
        assertThat(travel.doesNotKnow()).isTrue();
        assertThat(travel.value()).isNull();
        assertThat(travel.asks()).isEqualTo(2);
        assertThat(channel.commands).noneMatch(command -> command.startsWith("GET DATA epicall/camp-1/covid-checkin/ko/travel-keypad"));
    }

    @Test
    void shouldAskTheFollowUpOnlyAfterAYes() {
        FakeScript script = new FakeScript()
                .hears("consent", 1, true, Decision.ACCEPT)
                .hears("travel", 1, true, Decision.ACCEPT)
                .hears("travel_country", 1, "JP", Decision.ACCEPT);

        SurveyResponse response = converse(new FakeChannel(), script);

        assertThat(response.answers()).extracting(AnsweredQuestion::questionId)
                .containsExactly("consent", "travel", "travel_country");
        assertThat(response.triageFlags()).containsExactly("travelled");
    }

    @Test
    void shouldKeepTheAnswersSoFarWhenTheResidentHangsUpMidQuestion() {
        FakeScript script = new FakeScript()
                .hears("consent", 1, true, Decision.ACCEPT)
                .hears("travel", 1, true, Decision.ACCEPT);
        FakeChannel channel = new FakeChannel().hangsUpAtRecording(3);

        SurveyResponse response = converse(channel, script);

        assertThat(response.status()).isEqualTo(SurveyStatus.PARTIAL);
        assertThat(response.stoppedAt()).isEqualTo("travel_country");
        assertThat(response.answers()).extracting(AnsweredQuestion::questionId).containsExactly("consent", "travel");
        assertThat(channel.commands).doesNotContain("STREAM FILE epicall/camp-1/covid-checkin/ko/thanks");
    }

    @Test
    void shouldEndDeclinedWithoutAskingMoreWhenConsentIsRefused() {
        FakeScript script = new FakeScript().hears("consent", 1, false, Decision.ACCEPT);
        FakeChannel channel = new FakeChannel();

        SurveyResponse response = converse(channel, script);

        assertThat(response.status()).isEqualTo(SurveyStatus.DECLINED);
        assertThat(response.answers()).hasSize(1);
        assertThat(channel.commands).contains("STREAM FILE epicall/camp-1/covid-checkin/ko/declined");
        assertThat(channel.commands).noneMatch(c -> c.contains("travel"));
    }

    @Test
    void shouldStopPartialAtConsentWhenConsentCannotBeUnderstood() {
        FakeScript script = new FakeScript();
        FakeChannel channel = new FakeChannel();

        SurveyResponse response = converse(channel, script);

        assertThat(response.status()).isEqualTo(SurveyStatus.PARTIAL);
        assertThat(response.stoppedAt()).isEqualTo("consent");
        assertThat(response.answers()).singleElement()
                .extracting(AnsweredQuestion::decision).isEqualTo(Decision.UNANSWERED);
    }

    @Test
    void shouldStopAtTheFirstSignOfAHangupDuringTheIntroAndSayItStoppedThere() {
        FakeScript script = new FakeScript().hears("consent", 1, true, Decision.ACCEPT);
        FakeChannel channel = new FakeChannel().hangsUpDuring("/intro");

        SurveyResponse response = converse(channel, script);

        assertThat(response.status()).isEqualTo(SurveyStatus.PARTIAL);
        assertThat(response.stoppedAt()).isEqualTo(SurveyConversation.INTRO);
        assertThat(channel.commands).as("nothing after the intro's STREAM FILE")
                .containsExactly("ANSWER", "STREAM FILE epicall/camp-1/covid-checkin/ko/intro");
    }

    @Test
    void shouldStopAsAFaultOfTheCampaignWhenAQuestionsPromptIsMissing() {
        FakeScript script = new FakeScript().hears("consent", 1, true, Decision.ACCEPT)
                .hears("travel", 1, false, Decision.ACCEPT);
        FakeChannel channel = new FakeChannel().lacksPrompt("/travel");
        RecordingFaults faults = new RecordingFaults();

        SurveyConversation conversation = new SurveyConversation(channel, script, call, AgiConfig.defaults(recordings),
                clock, faults);
        SurveyResponse response = conversation.run();

        assertThat(conversation.stoppedByCampaignFault()).isTrue();
        assertThat(response.status()).isEqualTo(SurveyStatus.PARTIAL);
        assertThat(response.stoppedAt()).isEqualTo("travel");
        assertThat(response.answers()).extracting(AnsweredQuestion::questionId).containsExactly("consent");
        assertThat(faults.missingPrompts).containsExactly("epicall/camp-1/covid-checkin/ko/travel");
        assertThat(channel.commands).last().isEqualTo("HANGUP");
    }

    @Test
    void shouldCompleteASurveyWhoseThanksPromptIsMissingButReportThePrompt() {
        FakeScript script = new FakeScript().hears("consent", 1, true, Decision.ACCEPT);
        FakeChannel channel = new FakeChannel().lacksPrompt("/thanks");
        RecordingFaults faults = new RecordingFaults();

        SurveyConversation conversation = new SurveyConversation(channel, script, call, AgiConfig.defaults(recordings),
                clock, faults);
        SurveyResponse response = conversation.run();

        assertThat(conversation.stoppedByCampaignFault()).isFalse();
        assertThat(response.status()).isEqualTo(SurveyStatus.COMPLETE);
        assertThat(faults.missingPrompts).containsExactly("epicall/camp-1/covid-checkin/ko/thanks");
    }

    @Test
    void shouldAskOnTheKeypadFromTheFirstRecordingThePbxCannotWrite() {
        FakeScript script = new FakeScript().hears("consent", 1, true, Decision.ACCEPT);
        FakeChannel channel = new FakeChannel().failsToRecord().keys("consent", "1").keys("travel", "2");
        RecordingFaults faults = new RecordingFaults();

        SurveyResponse response = new SurveyConversation(channel, script, call, AgiConfig.defaults(recordings), clock,
                faults).run();

        assertThat(response.status()).isEqualTo(SurveyStatus.COMPLETE);
        assertThat(response.answers()).extracting(AnsweredQuestion::source)
                .containsExactly(AnswerSource.KEYPAD, AnswerSource.KEYPAD);
        assertThat(channel.commands.stream().filter(c -> c.startsWith("RECORD FILE"))).as("tried once").hasSize(1);
        assertThat(faults.unwritable).singleElement().asString().endsWith("att-1-consent-1");
    }

    /** The faults a conversation reports, kept. */
    private static final class RecordingFaults implements SessionFaults {
        final List<String> missingPrompts = new ArrayList<>();
        final List<Path> unwritable = new ArrayList<>();

        @Override
        public void promptMissing(String prompt) {
            missingPrompts.add(prompt);
        }

        @Override
        public void recordingFailed(Path file) {
            unwritable.add(file);
        }

        @Override
        public void recordingWritten(Path file) {
            unwritable.remove(file);
        }
    }
}
