package org.epicall.dialer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.epicall.dialer.ledger.DialLedger.Interrupted;
import org.epicall.survey.call.DialRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JournalCompactionTest {

    private static final Instant START = Instant.parse("2030-03-01T09:00:00Z");
    private static final Instant DEADLINE = START.plus(Duration.ofMinutes(10));
    private static final Duration RETENTION = Duration.ofHours(1);
    private static final Duration UNDATED_RETENTION = Duration.ofDays(7);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START);
    private final ManualExecutor background = new ManualExecutor();

    private Path journal() {
        return dir.resolve("ledger.log");
    }

    private JournalDialLedger open() {
        return open(1_000_000);
    }

    private JournalDialLedger open(long compactAfterRecords) {
        LedgerConfig config = LedgerConfig.defaults(journal()).withRetention(RETENTION, UNDATED_RETENTION)
                .withCompactAfterRecords(compactAfterRecords);
        return JournalDialLedger.open(config, clock, background);
    }

    private static DialRequest request(String attemptId, Instant notAfter) {
        return new DialRequest(attemptId, "camp-1", "contact-" + attemptId, "+821000000001", "ko",
                "covid-checkin", 1, notAfter);
    }

    private static DialRequest request(String attemptId) {
        return request(attemptId, DEADLINE);
    }

    private static void finish(DialLedger ledger, String attemptId) {
        ledger.markDialing(List.of(attemptId), "pbx-a");
        ledger.markEnded(attemptId);
    }

    @Test
    void shouldForgetAFinishedAttemptOnceItsDeadlineIsARetentionInThePast() {
        try (JournalDialLedger ledger = open()) {
            ledger.accept(request("a1"));
            finish(ledger, "a1");
            clock.set(DEADLINE.plus(RETENTION));

            ledger.compact();

            assertThat(ledger.knows("a1")).isFalse();
            assertThat(ledger.size()).isZero();
        }
    }

    @Test
    void shouldStillRefuseAForgottenRequestBecauseItsDeadlineIsBehindTheHorizon() {
        try (JournalDialLedger ledger = open()) {
            ledger.accept(request("a1"));
            finish(ledger, "a1");
            clock.set(DEADLINE.plus(RETENTION));
            ledger.compact();

            assertThat(ledger.accept(request("a1"))).isFalse();
        }
    }

    @Test
    void shouldCallAForgottenRequestSeenWithoutRememberingIt() {
        try (JournalDialLedger ledger = open()) {
            ledger.accept(request("a1"));
            finish(ledger, "a1");
            clock.set(DEADLINE.plus(RETENTION));
            ledger.compact();

            assertThat(ledger.seen(request("a1"))).isTrue();
            assertThat(ledger.knows("a1")).isFalse();
        }
    }

    @Test
    void shouldRefuseAForgottenRequestAfterARestartEvenIfTheClockSteppedBack() {
        try (JournalDialLedger ledger = open()) {
            ledger.accept(request("a1"));
            finish(ledger, "a1");
            clock.set(DEADLINE.plus(RETENTION));
            ledger.compact();
        }
        clock.set(START);
        try (JournalDialLedger reopened = open()) {
            assertThat(reopened.knows("a1")).isFalse();
            assertThat(reopened.accept(request("a1"))).isFalse();
        }
    }

    @Test
    void shouldAcceptANewRequestWhoseDeadlineIsBeyondTheHorizon() {
        try (JournalDialLedger ledger = open()) {
            clock.set(DEADLINE.plus(RETENTION));
            ledger.compact();

            assertThat(ledger.accept(request("fresh", clock.instant().plus(Duration.ofMinutes(10))))).isTrue();
        }
    }

    @Test
    void shouldRefuseARequestSeenBeforeARestartAndACompactionWithinTheRetention() {
        try (JournalDialLedger ledger = open()) {
            ledger.accept(request("a1"));
            finish(ledger, "a1");
        }
        clock.set(DEADLINE.plus(RETENTION).minusMillis(1));
        try (JournalDialLedger reopened = open()) {
            reopened.compact();

            assertThat(reopened.knows("a1")).isTrue();
            assertThat(reopened.accept(request("a1"))).isFalse();
        }
    }

    @Test
    void shouldRememberAFinishedAttemptAcrossACompactionAndARestart() {
        try (JournalDialLedger ledger = open()) {
            ledger.accept(request("a1"));
            finish(ledger, "a1");
            ledger.compact();
        }
        try (JournalDialLedger reopened = open()) {
            assertThat(reopened.knows("a1")).isTrue();
            assertThat(reopened.interrupted()).isEmpty();
            assertThat(reopened.accept(request("a1"))).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"accepted, false", "dialing, true"})
    void shouldNeverForgetAnOpenAttemptHoweverOld(String state, boolean dialed) {
        try (JournalDialLedger ledger = open()) {
            ledger.accept(request("open"));
            if (dialed) {
                ledger.markDialing(List.of("open"), "pbx-a");
            }
            clock.set(DEADLINE.plus(Duration.ofDays(365)));
            ledger.compact();

            assertThat(ledger.knows("open")).isTrue();
        }
        try (JournalDialLedger reopened = open()) {
            assertThat(reopened.interrupted())
                    .containsExactly(new Interrupted("open", "camp-1", "contact-open", dialed ? "pbx-a" : null));
        }
    }

    @ParameterizedTest(name = "{0} after it ended: remembered {1}")
    @CsvSource({"PT1H, true", "P6DT23H59M59S, true", "P7D, false", "P30D, false"})
    void shouldForgetAnAttemptWithoutDeadlineOnlyTheUndatedRetentionAfterItEnded(Duration sinceEnd,
            boolean remembered) {
        try (JournalDialLedger ledger = open()) {
            ledger.accept(request("undated", null));
            finish(ledger, "undated");
            clock.advance(sinceEnd);

            ledger.compact();

            assertThat(ledger.knows("undated")).isEqualTo(remembered);
        }
    }

    @Test
    void shouldShrinkTheJournalToTheAttemptsItKeeps() throws IOException {
        try (JournalDialLedger ledger = open()) {
            for (int i = 0; i < 1_000; i++) {
                ledger.accept(request("done-" + i));
                finish(ledger, "done-" + i);
            }
            ledger.accept(request("open"));
            clock.set(DEADLINE.plus(RETENTION));

            CompactionResult result = ledger.compact();

            assertThat(result.entriesBefore()).isEqualTo(1_001);
            assertThat(result.entriesKept()).isEqualTo(1);
            assertThat(result.bytesAfter()).isLessThan(result.bytesBefore() / 100);
            assertThat(Files.size(journal())).isEqualTo(result.bytesAfter());
        }
    }

    @Test
    void shouldKeepWhatWasJournaledWhileTheCompactionRan() {
        try (JournalDialLedger ledger = open()) {
            ledger.accept(request("ending-meanwhile"));
            ledger.markDialing(List.of("ending-meanwhile"), "pbx-a");
            ledger.beforeSwap(() -> {
                ledger.accept(request("arrived-meanwhile"));
                ledger.markEnded("ending-meanwhile");
            });
            ledger.compact();
        }
        try (JournalDialLedger reopened = open()) {
            assertThat(reopened.knows("arrived-meanwhile")).isTrue();
            assertThat(reopened.knows("ending-meanwhile")).isTrue();
            assertThat(reopened.interrupted()).extracting(Interrupted::attemptId).containsExactly("arrived-meanwhile");
        }
    }

    @Test
    void shouldIgnoreTheLateEndOfAnAttemptTheCompactionForgot() {
        try (JournalDialLedger ledger = open()) {
            ledger.accept(request("a1"));
            ledger.markDialing(List.of("a1"), "pbx-a");
            ledger.markEnded("a1");
            clock.set(DEADLINE.plus(RETENTION));
            // the end record reaches the journal after the snapshot: the compaction both forgets a1 and
            // carries its end record over
            ledger.beforeSwap(() -> ledger.markEnded("a1"));
            ledger.compact();
        }
        try (JournalDialLedger reopened = open()) {
            assertThat(reopened.size()).isZero();
            assertThat(reopened.interrupted()).isEmpty();
        }
    }

    @Test
    void shouldDeleteTheFileOfACompactionThatCrashedAndKeepTheJournal() throws IOException {
        try (JournalDialLedger ledger = open()) {
            ledger.accept(request("a1"));
        }
        Path leftover = dir.resolve("ledger.log.compacting");
        Files.writeString(leftover, "H\t0\nA\thalf-writ");

        try (JournalDialLedger reopened = open()) {
            assertThat(leftover).doesNotExist();
            assertThat(reopened.knows("a1")).isTrue();
            assertThat(reopened.knows("half-writ")).isFalse();
        }
    }

    @Test
    void shouldGoOnWithTheOldJournalWhenTheCompactedOneCannotBeWritten() throws IOException {
        try (JournalDialLedger ledger = open()) {
            ledger.accept(request("a1"));
            Path blocker = Files.createDirectories(dir.resolve("ledger.log.compacting"));
            Files.writeString(blocker.resolve("occupied"), "x");

            assertThatThrownBy(ledger::compact).isInstanceOf(LedgerException.class)
                    .hasMessageContaining("ledger.log");
            assertThat(ledger.accept(request("a2"))).isTrue();
        }
        Files.delete(dir.resolve("ledger.log.compacting/occupied"));
        try (JournalDialLedger reopened = open()) {
            assertThat(reopened.knows("a1")).isTrue();
            assertThat(reopened.knows("a2")).isTrue();
        }
    }

    @Test
    void shouldCutOffATornRecordWrittenAfterACompaction() throws IOException {
        try (JournalDialLedger ledger = open()) {
            ledger.accept(request("a1"));
            ledger.compact();
            ledger.accept(request("a2"));
        }
        Files.writeString(journal(), "A\ta3\tcamp", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (JournalDialLedger reopened = open()) {
            assertThat(reopened.knows("a1")).isTrue();
            assertThat(reopened.knows("a2")).isTrue();
            assertThat(reopened.knows("a3")).isFalse();
        }
    }

    @Test
    void shouldCompactInTheBackgroundWhenOpeningAJournalThatHasRecords() {
        try (JournalDialLedger ledger = open()) {
            ledger.accept(request("a1"));
        }
        try (JournalDialLedger reopened = open()) {
            assertThat(background.pending()).isEqualTo(1);
            background.runAll();
            assertThat(reopened.compactions()).isEqualTo(1);
        }
    }

    @Test
    void shouldCompactInTheBackgroundOnceTheJournalReachesTheThreshold() {
        try (JournalDialLedger ledger = open(10)) {
            for (int i = 0; i < 9; i++) {
                ledger.accept(request("a" + i));
            }
            assertThat(background.pending()).isZero();

            ledger.accept(request("a9"));

            assertThat(background.pending()).isEqualTo(1);
            background.runAll();
            assertThat(ledger.compactions()).isEqualTo(1);
        }
    }

    @Test
    void shouldWaitForTheJournalToDoubleBeforeCompactingAgain() {
        try (JournalDialLedger ledger = open(10)) {
            for (int i = 0; i < 10; i++) {
                ledger.accept(request("a" + i));
            }
            background.runAll();
            // the compaction kept 10 open attempts (plus its horizon): 11 records; the next is due at 22

            for (int i = 10; i < 20; i++) {
                ledger.accept(request("a" + i));
            }
            assertThat(background.pending()).isZero();
            ledger.accept(request("a20"));
            assertThat(background.pending()).isEqualTo(1);
        }
    }

    @Test
    void shouldReadAJournalWrittenBeforeDeadlinesAndEndTimesWereRecorded() throws IOException {
        Files.writeString(journal(), "A\told\tcamp-1\tc1\nD\told\tpbx-a\nE\told\nA\topen\tcamp-1\tc2\n");
        try (JournalDialLedger ledger = open()) {
            clock.advance(UNDATED_RETENTION.minusMillis(1));
            ledger.compact();
            assertThat(ledger.knows("old")).isTrue();

            clock.advance(Duration.ofMillis(1));
            ledger.compact();
            assertThat(ledger.knows("old")).isFalse();
            assertThat(ledger.interrupted()).extracting(Interrupted::attemptId).containsExactly("open");
        }
    }
}
