package org.epicall.app.demo.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.epicall.messaging.AnswerType;
import org.epicall.messaging.ResultAnswer;
import org.epicall.messaging.SurveyResultEvent;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.SurveyStatus;
import org.junit.jupiter.api.Test;

class CampaignRecordsTest {

    private static final Instant T = Instant.parse("2026-11-22T01:00:00Z");

    private static AttemptResult attempt(String id, String campaign, String contact, CallOutcome outcome) {
        return new AttemptResult(id, campaign, contact, outcome, null, "pbx-sim", T, null, T.plusSeconds(5), "");
    }

    private static SurveyResultEvent survey(String id, String contact, List<String> flags, ResultAnswer... answers) {
        return new SurveyResultEvent(1, id, "c1", contact, null, "covid-checkin", "ko", SurveyStatus.COMPLETE, null, T,
                T.plusSeconds(30), 30_000, List.of(answers), flags, !flags.isEmpty());
    }

    private static ResultAnswer voice(String question, Object value) {
        return new ResultAnswer(question, AnswerType.of(value), value, "네", 0.9, Decision.ACCEPT, AnswerSource.VOICE, 1);
    }

    private static ResultAnswer keypad(String question, Object value) {
        return new ResultAnswer(question, AnswerType.of(value), value, "", 1.0, Decision.KEYPAD, AnswerSource.KEYPAD, 3);
    }

    @Test
    void keepsOnlyTheCampaignsRecordsAndEachAttemptOnce() {
        CampaignRecords records = CampaignRecords.of("c1",
                List.of(attempt("a1", "c1", "r1", CallOutcome.BUSY), attempt("a1", "c1", "r1", CallOutcome.BUSY),
                        attempt("a2", "c1", "r1", CallOutcome.ANSWERED), attempt("x1", "other", "r9", CallOutcome.BUSY)),
                List.of(survey("a2", "r1", List.of()), survey("a2", "r1", List.of())));

        assertThat(records.attemptsByOutcome()).isEqualTo(Map.of(CallOutcome.BUSY, 1L, CallOutcome.ANSWERED, 1L));
        assertThat(records.surveys()).hasSize(1);
    }

    @Test
    void countsResidentsByTheNumberOfAttemptsTheyNeeded() {
        CampaignRecords records = CampaignRecords.of("c1",
                List.of(attempt("a1", "c1", "r1", CallOutcome.BUSY), attempt("a2", "c1", "r1", CallOutcome.ANSWERED),
                        attempt("a3", "c1", "r2", CallOutcome.ANSWERED)),
                List.of());

        assertThat(records.residentsByAttempts()).isEqualTo(Map.of(1, 1L, 2, 1L));
    }

    @Test
    void countsAnsweredResidentsByTheNumberOfAttemptsItTook() {
        CampaignRecords records = CampaignRecords.of("c1",
                List.of(attempt("a1", "c1", "r1", CallOutcome.BUSY), attempt("a2", "c1", "r1", CallOutcome.ANSWERED),
                        attempt("a3", "c1", "r2", CallOutcome.ANSWERED), attempt("a4", "c1", "r3", CallOutcome.BUSY),
                        attempt("a5", "c1", "r3", CallOutcome.NO_ANSWER)),
                List.of());

        assertThat(records.answeredByAttempts()).isEqualTo(Map.of(1, 1L, 2, 1L));
    }

    @Test
    void countsAcceptedVoiceAnswersAndKeypadAnswersApart() {
        CampaignRecords records = CampaignRecords.of("c1", List.of(), List.of(
                survey("a1", "r1", List.of(), voice("consent", true), keypad("temperature", new BigDecimal("37.5")),
                        new ResultAnswer("fever", AnswerType.NONE, null, "", 0, Decision.UNANSWERED, AnswerSource.NONE, 4))));

        assertThat(records.voiceAnswers()).isEqualTo(1);
        assertThat(records.keypadAnswers()).isEqualTo(1);
    }

    @Test
    void listsFlaggedResidentsInTheOrderOfTheirLabels() {
        CampaignRecords records = CampaignRecords.of("c1", List.of(), List.of(
                survey("a1", "c1-L10", List.of("high_temperature")),
                survey("a2", "c1-L9", List.of("confirmed_contact")),
                survey("a3", "c1-L100", List.of())));

        List<FlaggedResident> flagged = records.flagged(ref -> ref.equals("c1-L9") ? "+821020000007" : "+821020000008");

        assertThat(flagged).extracting(FlaggedResident::contactRef).containsExactly("c1-L9", "c1-L10");
    }
}
