package org.epicall.app.demo.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.SurveyStatus;
import org.junit.jupiter.api.Test;

class SummaryReportTest {

    private static final AuditFindings CLEAN = new AuditFindings(3, 3, List.of(), List.of(), List.of(), List.of());

    private static DemoSummary summary(Map<ResidentFate, Long> fates, AuditFindings audit) {
        return new DemoSummary(200, fates,
                Map.of(CallOutcome.ANSWERED, 160L, CallOutcome.BUSY, 50L, CallOutcome.NO_ANSWER, 40L),
                Map.of(SurveyStatus.COMPLETE, 140L, SurveyStatus.PARTIAL, 15L, SurveyStatus.DECLINED, 5L),
                Map.of(1, 150L, 2, 30L, 3, 20L), Map.of(1, 130L, 2, 25L), 700, 90,
                List.of(new FlaggedResident("c-17", "+821000000017 symptomatic", List.of("fever", "cough_and_travel"))),
                Map.of("epicall.dial-requests", 250L), audit, Duration.ofSeconds(131));
    }

    @Test
    void showsEveryFinalStateAndHowManyResidentsAreAccountedFor() {
        String text = SummaryReport.render(summary(
                Map.of(ResidentFate.COMPLETED, 160L, ResidentFate.FAILED, 10L, ResidentFate.OUT_OF_ATTEMPTS, 30L),
                CLEAN));

        assertThat(text).contains("Summary: 200 residents, 250 attempts, 2:11")
                .containsPattern("completed +160")
                .containsPattern("failed +10")
                .containsPattern("out of attempts +30")
                .containsPattern("still open +0")
                .containsPattern("accounted for +200/200");
    }

    @Test
    void showsAttemptsPerOutcomeAndSurveysPerStatus() {
        String text = SummaryReport.render(summary(Map.of(ResidentFate.COMPLETED, 200L), CLEAN));

        assertThat(text).containsPattern("answered +160").containsPattern("busy +50")
                .containsPattern("no answer +40").containsPattern("total +250")
                .containsPattern("partial +15").containsPattern("answers by voice +700")
                .doesNotContainPattern("congestion +0");
    }

    @Test
    void showsHowManyOfTheResidentsWithEachNumberOfAttemptsWereAnswered() {
        String text = SummaryReport.render(summary(Map.of(ResidentFate.COMPLETED, 200L), CLEAN));

        assertThat(text).containsPattern("attempts needed +residents +of them answered")
                .containsPattern("\\b1 +150 +130").containsPattern("\\b2 +30 +25").containsPattern("\\b3 +20 +0");
    }

    @Test
    void listsFlaggedResidentsWithTheirTriageFlags() {
        String text = SummaryReport.render(summary(Map.of(ResidentFate.COMPLETED, 200L), CLEAN));

        assertThat(text).contains("Flagged residents awaiting a follow-up call: 1")
                .containsPattern("c-17 +\\+821000000017 symptomatic +fever, cough_and_travel");
    }

    @Test
    void showsTopicEndOffsets() {
        String text = SummaryReport.render(summary(Map.of(ResidentFate.COMPLETED, 200L), CLEAN));

        assertThat(text).containsPattern("epicall.dial-requests +250");
    }

    @Test
    void saysWhichRuleWasBroken() {
        AuditFindings broken = new AuditFindings(3, 4, List.of("c1: 4 attempts, cap 3"), List.of(),
                List.of("a2 10000 ms after NO_ANSWER (a1), delay 20000 ms"), List.of());

        String text = SummaryReport.render(summary(Map.of(ResidentFate.COMPLETED, 200L), broken));

        assertThat(text).contains("attempt cap 3: EXCEEDED for 1 (most attempts at one resident: 4)",
                "retries sooner than their delay: 1", "a2 10000 ms after NO_ANSWER");
    }

    @Test
    void aSummaryWithAnOpenResidentIsNotClean() {
        DemoSummary open = summary(Map.of(ResidentFate.COMPLETED, 199L, ResidentFate.OPEN, 1L), CLEAN);

        assertThat(open.accounted()).isEqualTo(199);
        assertThat(open.clean()).isFalse();
    }
}
