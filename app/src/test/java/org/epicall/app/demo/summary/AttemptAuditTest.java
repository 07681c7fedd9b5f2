package org.epicall.app.demo.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.epicall.survey.call.CallOutcome;
import org.junit.jupiter.api.Test;

class AttemptAuditTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    // 10:00 in Seoul
    private static final Instant TEN = Instant.parse("2026-11-22T01:00:00Z");

    private final AttemptAudit audit = new AttemptAudit(SEOUL, LocalTime.of(9, 0), LocalTime.of(20, 0),
            Map.of(CallOutcome.BUSY, Duration.ofSeconds(10), CallOutcome.NO_ANSWER, Duration.ofSeconds(20)), 3);

    private static AttemptRecord attempt(String id, String contact, CallOutcome outcome, Instant start, long seconds) {
        return new AttemptRecord(id, contact, outcome, start, start.plusSeconds(seconds));
    }

    @Test
    void findsNothingWhenRetriesWaitTheirDelayInsideTheWindow() {
        AuditFindings findings = audit.audit(List.of(
                attempt("a1", "c1", CallOutcome.BUSY, TEN, 1),
                attempt("a2", "c1", CallOutcome.NO_ANSWER, TEN.plusSeconds(11), 5),
                attempt("a3", "c1", CallOutcome.ANSWERED, TEN.plusSeconds(36), 30)));

        assertThat(findings.clean()).isTrue();
        assertThat(findings.mostAttempts()).isEqualTo(3);
    }

    @Test
    void reportsARetrySoonerThanTheDelayOfThePreviousOutcome() {
        AuditFindings findings = audit.audit(List.of(
                attempt("a1", "c1", CallOutcome.NO_ANSWER, TEN, 5),
                attempt("a2", "c1", CallOutcome.ANSWERED, TEN.plusSeconds(15), 30)));

        assertThat(findings.earlyRetries()).singleElement().asString().startsWith("a2 10000 ms after NO_ANSWER");
    }

    @Test
    void reportsAResidentInCallsFromTwoCampaignsAtOnce() {
        List<AttemptRecord> ours = List.of(attempt("a1", "cmp-a-c1", CallOutcome.ANSWERED, TEN, 60));
        List<AttemptRecord> everyCampaign = List.of(ours.getFirst(),
                attempt("b1", "cmp-b-c7", CallOutcome.ANSWERED, TEN.plusSeconds(30), 60),
                attempt("b2", "cmp-b-c8", CallOutcome.ANSWERED, TEN.plusSeconds(30), 60));
        Map<String, String> residents = Map.of("cmp-a-c1", "+821020000001", "cmp-b-c7", "+821020000001",
                "cmp-b-c8", "+821020000002");

        AuditFindings findings = audit.audit(ours, everyCampaign, residents::get);

        assertThat(findings.overlapping()).containsExactly("b1 started before a1 ended");
    }

    @Test
    void reportsResidentsCalledMoreOftenThanTheCap() {
        AuditFindings findings = audit.audit(List.of(
                attempt("a1", "c1", CallOutcome.BUSY, TEN, 1),
                attempt("a2", "c1", CallOutcome.BUSY, TEN.plusSeconds(20), 1),
                attempt("a3", "c1", CallOutcome.BUSY, TEN.plusSeconds(40), 1),
                attempt("a4", "c1", CallOutcome.BUSY, TEN.plusSeconds(60), 1)));

        assertThat(findings.overCap()).containsExactly("c1: 4 attempts, cap 3");
    }

    @Test
    void reportsCallsOriginatedOutsideTheWindowInTheResidentsZone() {
        Instant eightFiftyNineSeoul = Instant.parse("2026-11-21T23:59:00Z");
        Instant eightPmSeoul = Instant.parse("2026-11-22T11:00:00Z");

        AuditFindings findings = audit.audit(List.of(
                attempt("early", "c1", CallOutcome.ANSWERED, eightFiftyNineSeoul, 10),
                attempt("late", "c2", CallOutcome.ANSWERED, eightPmSeoul, 10),
                attempt("fine", "c3", CallOutcome.ANSWERED, TEN, 10)));

        assertThat(findings.outsideWindow()).containsExactly("early at 08:59", "late at 20:00");
    }

    @Test
    void reportsAnAttemptThatStartedWhileTheResidentsPreviousOneWasLive() {
        AuditFindings findings = audit.audit(List.of(
                attempt("a1", "c1", CallOutcome.ANSWERED, TEN, 60),
                attempt("a2", "c1", CallOutcome.ANSWERED, TEN.plusSeconds(30), 60)));

        assertThat(findings.overlapping()).containsExactly("a2 started before a1 ended");
    }

    @Test
    void ignoresTheWindowForAttemptsThatNeverReachedAPbx() {
        Instant midnightSeoul = Instant.parse("2026-11-21T15:00:00Z");

        AuditFindings findings = audit.audit(List.of(
                new AttemptRecord("a1", "c1", CallOutcome.UNREACHABLE_SERVER, null, midnightSeoul)));

        assertThat(findings.clean()).isTrue();
    }
}
