package org.epicall.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.epicall.dialer.agi.FixedSurveyScripts;
import org.epicall.dialer.agi.SurveyConversation;
import org.epicall.dialer.support.DialerFixture;
import org.epicall.dialer.support.Requests;
import org.epicall.pbx.agi.AsteriskUser;
import org.epicall.pbx.audio.Pcm;
import org.epicall.pbx.audio.Wav;
import org.epicall.pbx.resident.Answer;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.sound.MissingSounds;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.SurveyResponse;
import org.epicall.survey.call.SurveyStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a survey meets on a real Asterisk that is not the resident's doing, and a hangup in the intro:
 * a prompt that is not installed (STREAM FILE {@code result=-1 endpos=0}, agi-23), a recordings
 * directory Asterisk may not write (RECORD FILE {@code writefile}, agi-24), and a resident who hangs up
 * while the introduction plays (agi-26).
 */
class SurveySetupFaultTest {

    private static final String ANSWERS = "+821000000001";
    private static final String HANGS_UP_IN_INTRO = "+821000000002";
    private static final List<String> QUESTIONS = List.of("consent", "fever");

    @TempDir
    Path dir;
    private DialerFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void start(DialerFixture.PbxTweak pbx) {
        List<Answer> keyed = List.of(new Answer("consent", null, "1"), new Answer("fever", null, "2"));
        fixture = new DialerFixture(dir, List.of(
                Resident.of(ANSWERS, Behaviour.ANSWER).withAnswers(keyed),
                // 2 s into the 10 s intro, after the 3 s AMD listens (the far side of ami-26 hangs up 0.5 s
                // into tt-weasels)
                Resident.of(HANGS_UP_IN_INTRO, Behaviour.ANSWER).hangingUpAfter(Duration.ofSeconds(5))),
                FixedSurveyScripts.acceptingKeys(QUESTIONS), config -> config, pbx);
        await().atMost(Duration.ofSeconds(60)).until(fixture.node()::anyServerUp);
    }

    private AttemptResult call(String attemptId, String number) {
        fixture.node().submit(Requests.to(attemptId, number));
        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sink.attempt(attemptId).isPresent());
        return fixture.sink.attempt(attemptId).orElseThrow();
    }

    @Test
    void shouldReportAMissingPromptAsAFaultOfTheCampaignAndRingNobodyElseForIt() {
        start(pbx -> pbx.with(b -> b.missingSounds(MissingSounds.FAIL)));

        AttemptResult first = call("no-prompts-1", ANSWERS);

        assertThat(first.outcome()).isEqualTo(CallOutcome.CAMPAIGN_FAULT);
        assertThat(first.outcome().countsAgainstResident()).isFalse();
        assertThat(first.detail()).contains("prompt");
        assertThat(fixture.sink.survey("no-prompts-1").orElseThrow().stoppedAt()).isEqualTo(SurveyConversation.INTRO);
        assertThat(fixture.node().setupFaults()).anyMatch(p -> p.contains("epicall/camp-test/covid-checkin/ko/intro")
                && p.contains("not installed"));

        AttemptResult second = call("no-prompts-2", ANSWERS);

        assertThat(second.outcome()).isEqualTo(CallOutcome.CAMPAIGN_FAULT);
        assertThat(second.originatedAt()).as("not dialed: the resident would hear silence").isNull();
    }

    @Test
    void shouldStopAtTheFirstSignOfAHangupDuringTheIntroAndSaySo() throws Exception {
        Path sounds = dir.resolve("sounds");
        Files.createDirectories(sounds.resolve("epicall/camp-test/covid-checkin/ko"));
        Wav.write(sounds.resolve("epicall/camp-test/covid-checkin/ko/intro.wav"), Pcm.silence(Duration.ofSeconds(10)));
        start(pbx -> pbx.with(b -> b.soundsDirectory(sounds)));

        AttemptResult result = call("intro-hangup", HANGS_UP_IN_INTRO);

        assertThat(result.outcome()).isEqualTo(CallOutcome.ANSWERED);
        SurveyResponse survey = fixture.sink.survey("intro-hangup").orElseThrow();
        assertThat(survey.status()).isEqualTo(SurveyStatus.PARTIAL);
        assertThat(survey.stoppedAt()).isEqualTo(SurveyConversation.INTRO);
        assertThat(survey.answers()).isEmpty();
    }

    @Test
    void shouldRecordIntoCampaignDirectoriesAsteriskCanWriteAsAnotherUserOfTheGroup() {
        start(pbx -> pbx.with(b -> b.asteriskUser(AsteriskUser.OTHER_USER_IN_GROUP)));

        call("group-writable", ANSWERS);

        SurveyResponse survey = fixture.sink.survey("group-writable").orElseThrow();
        assertThat(survey.status()).isEqualTo(SurveyStatus.COMPLETE);
        assertThat(dir.resolve("recordings/camp-test")).isDirectory();
        assertThat(dir.resolve("recordings/camp-test/group-writable-consent-1.wav")).exists();
        assertThat(fixture.node().setupFaults()).isEmpty();
    }

    @Test
    void shouldAskOnTheKeypadAndSayWhyWhenAsteriskCannotWriteTheRecordings() throws Exception {
        Path campaign = Files.createDirectories(dir.resolve("recordings/camp-test"));
        Files.setPosixFilePermissions(campaign, PosixFilePermissions.fromString("rwxr-xr-x"));
        start(pbx -> pbx.with(b -> b.asteriskUser(AsteriskUser.OTHER_USER_IN_GROUP)));

        AttemptResult result = call("unwritable", ANSWERS);

        assertThat(result.outcome()).isEqualTo(CallOutcome.ANSWERED);
        SurveyResponse survey = fixture.sink.survey("unwritable").orElseThrow();
        assertThat(survey.status()).as("not taken for a hangup").isEqualTo(SurveyStatus.COMPLETE);
        assertThat(survey.answers()).extracting(AnsweredQuestion::source).containsOnly(AnswerSource.KEYPAD);
        assertThat(survey.answers()).extracting(AnsweredQuestion::value).containsExactly("1", "2");
        assertThat(fixture.node().setupFaults()).anyMatch(p -> p.contains("cannot write recordings into " + campaign));
    }
}
