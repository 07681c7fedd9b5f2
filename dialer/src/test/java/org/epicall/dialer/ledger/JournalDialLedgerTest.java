package org.epicall.dialer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import org.epicall.dialer.ledger.DialLedger.Interrupted;
import org.epicall.survey.call.DialRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalDialLedgerTest {

    @TempDir
    Path dir;

    private static DialRequest request(String attemptId) {
        return new DialRequest(attemptId, "camp-1", "contact-" + attemptId, "+821000000001", "ko",
                "covid-checkin", 1, Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void shouldAcceptAnAttemptOnlyOnce() {
        try (JournalDialLedger ledger = JournalDialLedger.open(dir.resolve("ledger.log"))) {
            assertThat(ledger.accept(request("a1"))).isTrue();
            assertThat(ledger.accept(request("a1"))).isFalse();
            assertThat(ledger.knows("a1")).isTrue();
            assertThat(ledger.knows("a2")).isFalse();
        }
    }

    @Test
    void shouldRememberEveryAttemptAcrossARestart() {
        Path file = dir.resolve("ledger.log");
        try (JournalDialLedger ledger = JournalDialLedger.open(file)) {
            ledger.accept(request("ended"));
            ledger.markDialing(List.of("ended"), "pbx-a");
            ledger.markEnded("ended");
            ledger.accept(request("ringing"));
            ledger.markDialing(List.of("ringing"), "pbx-b");
            ledger.accept(request("queued"));
        }
        try (JournalDialLedger reopened = JournalDialLedger.open(file)) {
            assertThat(reopened.accept(request("ended"))).isFalse();
            assertThat(reopened.accept(request("ringing"))).isFalse();
            assertThat(reopened.accept(request("queued"))).isFalse();
            assertThat(reopened.interrupted()).containsExactly(
                    new Interrupted("ringing", "camp-1", "contact-ringing", "pbx-b"),
                    new Interrupted("queued", "camp-1", "contact-queued", null));
        }
    }

    @Test
    void shouldNotReportAnAttemptEndedAfterTheRestartThatRecoveredIt() {
        Path file = dir.resolve("ledger.log");
        try (JournalDialLedger ledger = JournalDialLedger.open(file)) {
            ledger.accept(request("a1"));
            ledger.markDialing(List.of("a1"), "pbx-a");
        }
        try (JournalDialLedger second = JournalDialLedger.open(file)) {
            assertThat(second.interrupted()).hasSize(1);
            second.markEnded("a1");
        }
        try (JournalDialLedger third = JournalDialLedger.open(file)) {
            assertThat(third.interrupted()).isEmpty();
            assertThat(third.knows("a1")).isTrue();
        }
    }

    @Test
    void shouldCutOffATornLastRecordAndKeepAppending() throws IOException {
        Path file = dir.resolve("ledger.log");
        try (JournalDialLedger ledger = JournalDialLedger.open(file)) {
            ledger.accept(request("a1"));
        }
        Files.writeString(file, "A\ta2\tcamp", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (JournalDialLedger ledger = JournalDialLedger.open(file)) {
            assertThat(ledger.knows("a2")).isFalse();
            assertThat(ledger.accept(request("a3"))).isTrue();
        }
        try (JournalDialLedger ledger = JournalDialLedger.open(file)) {
            assertThat(ledger.knows("a1")).isTrue();
            assertThat(ledger.knows("a3")).isTrue();
        }
    }

    @Test
    void shouldSkipAGarbledRecordAndKeepTheRest() throws IOException {
        Path file = dir.resolve("ledger.log");
        Files.writeString(file, "A\ta1\tcamp-1\tc1\nthis is not a record\nD\tunknown\tpbx\nA\ta2\tcamp-1\tc2\n");
        try (JournalDialLedger ledger = JournalDialLedger.open(file)) {
            assertThat(ledger.knows("a1")).isTrue();
            assertThat(ledger.knows("a2")).isTrue();
            assertThat(ledger.interrupted()).hasSize(2);
        }
    }

    @Test
    void shouldRefuseAnAttemptIdThatWouldBreakTheJournal() {
        try (JournalDialLedger ledger = JournalDialLedger.open(dir.resolve("ledger.log"))) {
            assertThatThrownBy(() -> ledger.accept(request("a\tb")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("attemptId");
        }
    }

    @Test
    void shouldNameTheFileWhenTheJournalCannotBeOpened() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> JournalDialLedger.open(notADirectory.resolve("ledger.log")))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("plain-file");
    }
}
