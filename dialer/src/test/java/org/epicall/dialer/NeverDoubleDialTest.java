package org.epicall.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.epicall.dialer.support.DialerFixture;
import org.epicall.dialer.agi.FixedSurveyScripts;
import org.epicall.dialer.support.Requests;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.call.CallOutcome;
import org.epicall.survey.call.DialRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dial request seen twice never rings the resident twice, also across a dialer restart. */
class NeverDoubleDialTest {

    private static final String BUSY = "+821000000002";
    private static final String RINGS_LONG = "+821000000009";

    @TempDir
    Path dir;
    private DialerFixture fixture;

    @BeforeEach
    void start() {
        fixture = new DialerFixture(dir, List.of(
                Resident.of(BUSY, Behaviour.BUSY),
                Resident.of(RINGS_LONG, Behaviour.ANSWER).ringingFor(Duration.ofHours(1))),
                new FixedSurveyScripts(List.of()),
                config -> config.withTimeouts(Duration.ofHours(1), Duration.ofSeconds(15), Duration.ofSeconds(30)));
        await().atMost(Duration.ofSeconds(60)).until(fixture.node()::anyServerUp);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private long callsPlaced() {
        return fixture.pbx.callsProcessed() + fixture.pbx.activeCalls();
    }

    @Test
    void shouldAnswerDuplicateForARequestSubmittedTwice() {
        DialRequest request = Requests.to("dup-1", BUSY);

        SubmitResult first = fixture.node().submit(request);
        SubmitResult second = fixture.node().submit(request);

        assertThat(first.status()).isEqualTo(SubmitResult.Status.ACCEPTED);
        assertThat(second.status()).isEqualTo(SubmitResult.Status.DUPLICATE);
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.sink.attempt("dup-1").isPresent());
        assertThat(callsPlaced()).isEqualTo(1);
        assertThat(fixture.sink.attempts()).hasSize(1);
    }

    @Test
    void shouldNotRingTheResidentAgainWhenARequestComesBackAfterARestart() {
        DialRequest request = Requests.to("dup-2", BUSY);
        fixture.node().submit(request);
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.sink.attempt("dup-2").isPresent());

        fixture.restartNode();
        await().atMost(Duration.ofSeconds(60)).until(fixture.node()::anyServerUp);

        assertThat(fixture.node().submit(request).status()).isEqualTo(SubmitResult.Status.DUPLICATE);
        assertThat(callsPlaced()).isEqualTo(1);
        assertThat(fixture.sink.attempts()).hasSize(1);
    }

    @Test
    void shouldStillAnswerDuplicateAfterTheLedgerWasCompactedOnRestart() {
        DialRequest request = Requests.to("dup-4", BUSY);
        fixture.node().submit(request);
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.sink.attempt("dup-4").isPresent());

        fixture.restartNode();
        // a compacted journal starts with its horizon
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(fixture.config().ledgerFile())
                .startsWith("H\t"));

        assertThat(fixture.node().submit(request).status()).isEqualTo(SubmitResult.Status.DUPLICATE);
        assertThat(callsPlaced()).isEqualTo(1);
    }

    @Test
    void shouldNotDialARequestTheLedgerMayHaveForgottenEvenWhenTheClockSaysItIsStillValid() throws IOException {
        // as if a compaction ran while the clock was two hours fast, and the clock was then corrected
        Instant horizon = Instant.now().plus(2, ChronoUnit.HOURS);
        Files.writeString(fixture.config().ledgerFile(), "H\t" + horizon.toEpochMilli() + "\n");
        fixture.restartNode();
        await().atMost(Duration.ofSeconds(60)).until(fixture.node()::anyServerUp);

        SubmitResult result = fixture.node().submit(Requests.to("dup-6", BUSY));

        assertThat(result.status()).isEqualTo(SubmitResult.Status.DUPLICATE);
        assertThat(callsPlaced()).isZero();
    }

    @Test
    void shouldAnswerDuplicateNotRejectedForAnExpiredRequestTheLedgerMayHaveForgotten() throws IOException {
        Instant now = Instant.now();
        Files.writeString(fixture.config().ledgerFile(), "H\t" + now.minus(1, ChronoUnit.HOURS).toEpochMilli() + "\n");
        fixture.restartNode();
        DialRequest redelivered = new DialRequest("dup-7", "camp-test", "contact-dup-7", BUSY, "ko", "covid-checkin",
                1, now.minus(2, ChronoUnit.HOURS));

        assertThat(fixture.node().submit(redelivered).status()).isEqualTo(SubmitResult.Status.DUPLICATE);
    }

    @Test
    void shouldPublishHowManyAttemptsTheLedgerRemembers() {
        fixture.node().submit(Requests.to("dup-5", BUSY));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.sink.attempt("dup-5").isPresent());

        assertThat(fixture.meters.get("epicall.dialer.ledger.entries").gauge().value()).isEqualTo(1);
        assertThat(fixture.meters.get("epicall.dialer.ledger.compactions").functionCounter().count()).isZero();
    }

    @Test
    void shouldReportACallCutShortByARestartOnceAndNeverRedialIt() {
        DialRequest request = Requests.to("dup-3", RINGS_LONG);
        fixture.node().submit(request);
        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.pbx.activeCalls() == 1);

        fixture.restartNode();

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.sink.attempt("dup-3").isPresent());
        AttemptResult result = fixture.sink.attempt("dup-3").orElseThrow();
        assertThat(result.outcome()).isEqualTo(CallOutcome.UNREACHABLE_SERVER);
        assertThat(result.detail()).contains("restarted").contains("not redialed");
        assertThat(fixture.node().submit(request).status()).isEqualTo(SubmitResult.Status.DUPLICATE);
        assertThat(callsPlaced()).isEqualTo(1);
        assertThat(fixture.sink.violations()).isEmpty();
    }
}
