package org.epicall.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.epicall.dialer.agi.FixedSurveyScripts;
import org.epicall.dialer.ledger.JournalDialLedger;
import org.epicall.dialer.support.DialerFixture;
import org.epicall.dialer.support.Requests;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.survey.call.DialRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Accept, then release or withdraw: a request is recorded first and dialed only once its source has
 * been acknowledged; what can never be dialed is refused for good, what cannot be taken now is to be
 * offered again.
 */
class TwoPhaseSubmitTest {

    private static final String BUSY = "+821000000002";

    @TempDir
    Path dir;
    private DialerFixture fixture;

    @BeforeEach
    void start() {
        fixture = new DialerFixture(dir, List.of(Resident.of(BUSY, Behaviour.BUSY)), new FixedSurveyScripts(List.of()),
                config -> config.withMaxQueued(2));
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
    void shouldDialAnAcceptedRequestOnlyOnceItIsReleased() {
        DialRequest request = Requests.to("held-1", BUSY);

        assertThat(fixture.node().accept(List.of(request))).containsExactly(SubmitResult.ACCEPTED);
        assertThat(fixture.node().heldAttempts()).isOne();
        assertThat(callsPlaced()).isZero();

        fixture.node().release(List.of("held-1"));

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.sink.attempt("held-1").isPresent());
        assertThat(callsPlaced()).isOne();
        assertThat(fixture.node().heldAttempts()).isZero();
    }

    @Test
    void shouldNeverDialAWithdrawnRequestNorReportItAndAnswerDuplicateWhenItComesBack() {
        DialRequest request = Requests.to("withdrawn-1", BUSY);
        fixture.node().accept(List.of(request));

        fixture.node().withdraw(List.of("withdrawn-1"));
        fixture.node().release(List.of("withdrawn-1"));

        assertThat(fixture.node().submit(request).status()).isEqualTo(SubmitResult.Status.DUPLICATE);
        // a later request is dialed and reported; the withdrawn one never is
        fixture.node().submit(Requests.to("after-withdrawn", BUSY));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.sink.attempt("after-withdrawn").isPresent());
        assertThat(fixture.sink.attempt("withdrawn-1")).isEmpty();
        assertThat(callsPlaced()).isOne();
    }

    @Test
    void shouldNeitherDialNorReportARequestARunRecordedAndNeverDialedBeforeItDied() {
        DialRequest recorded = Requests.to("recorded-then-crash", BUSY);
        // what a node that died between recording and dialing leaves in its ledger
        fixture.restartNode(() -> {
            try (JournalDialLedger ledger = JournalDialLedger.open(fixture.config().ledgerFile())) {
                ledger.accept(recorded);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(fixture.node()::anyServerUp);

        fixture.node().submit(Requests.to("after-restart", BUSY));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.sink.attempt("after-restart").isPresent());

        assertThat(fixture.sink.attempt("recorded-then-crash")).isEmpty();
        assertThat(fixture.node().submit(recorded).status()).isEqualTo(SubmitResult.Status.DUPLICATE);
        assertThat(callsPlaced()).isOne();
        assertThat(fixture.meters.get("epicall.dialer.abandoned").counter().count()).isOne();
    }

    @ParameterizedTest(name = "{0} with number {1} → {2}")
    @CsvSource({
            "bad id!, +821000000002, 60, INVALID_ATTEMPT_ID",
            "ok-number, 010-CALL-ME, 60, INVALID_PHONE_NUMBER",
            "ok-expired, +821000000002, -1, DEADLINE_PASSED",
    })
    void shouldRefuseForGoodARequestThatCanNeverBeDialed(String attemptId, String number, long minutesLeft,
            SubmitResult.Reason reason) {
        DialRequest request = new DialRequest(attemptId, "camp-test", "contact-x", number, "ko", "covid-checkin", 1,
                Instant.now().plus(Duration.ofMinutes(minutesLeft)));

        SubmitResult result = fixture.node().submit(request);

        assertThat(result.status()).isEqualTo(SubmitResult.Status.REFUSED);
        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.detail()).isNotBlank();
        assertThat(fixture.meters.get("epicall.dialer.refusals").tag("reason", reason.name()).counter().count())
                .isOne();
    }

    @Test
    void shouldAskToOfferAgainLaterEverythingFromTheFirstRequestThatFindsTheQueueFull() {
        // held requests count against the queue's two places until they are released
        List<DialRequest> requests = List.of(Requests.to("q-1", BUSY), Requests.to("q-2", BUSY), Requests.to("q-3", BUSY),
                Requests.to("q-4", BUSY));

        List<SubmitResult> results = fixture.node().accept(requests);

        assertThat(results).extracting(SubmitResult::status).containsExactly(SubmitResult.Status.ACCEPTED,
                SubmitResult.Status.ACCEPTED, SubmitResult.Status.RETRY_LATER, SubmitResult.Status.RETRY_LATER);
        assertThat(results.get(2).reason()).isEqualTo(SubmitResult.Reason.QUEUE_FULL);
    }
}
