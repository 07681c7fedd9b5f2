package org.epicall.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultOutboxTest {

    @TempDir
    Path directory;

    @Test
    void shouldKeepUndeliveredRecordsAcrossAReopen() throws Exception {
        try (var outbox = ResultOutbox.open(directory)) {
            outbox.append("t", bytes("k1"), bytes("v1"));
            outbox.append("t", bytes("k2"), bytes("v2"));
        }

        try (var reopened = ResultOutbox.open(directory)) {
            assertThat(reopened.pendingCount()).isEqualTo(2);
            assertThat(drain(reopened)).extracting(e -> new String(e.value(), StandardCharsets.UTF_8))
                    .containsExactly("v1", "v2");
        }
    }

    @Test
    void shouldForgetRecordsOnceDelivered() throws Exception {
        try (var outbox = ResultOutbox.open(directory)) {
            outbox.append("t", bytes("k1"), bytes("v1"));
            outbox.append("t", bytes("k2"), bytes("v2"));
            drain(outbox).forEach(outbox::delivered);
            assertThat(outbox.pendingCount()).isZero();
        }

        try (var reopened = ResultOutbox.open(directory)) {
            assertThat(reopened.pendingCount()).isZero();
        }
        assertThat(batchFiles()).isEmpty();
    }

    @Test
    void shouldKeepTheUndeliveredRestOfAPartlyDeliveredBatch() throws Exception {
        try (var outbox = ResultOutbox.open(directory)) {
            appendConcurrently(outbox, 50);
            drain(outbox).stream().filter(e -> e.sequence() % 2 == 0).forEach(outbox::delivered);
        }

        try (var reopened = ResultOutbox.open(directory)) {
            assertThat(drain(reopened)).extracting(OutboxEntry::sequence).allMatch(s -> s % 2 == 1).hasSize(25);
        }
    }

    @Test
    void shouldCountARecordDeliveredTwiceOnlyOnce() throws Exception {
        try (var outbox = ResultOutbox.open(directory)) {
            outbox.append("t", bytes("k1"), bytes("v1"));
            outbox.append("t", bytes("k2"), bytes("v2"));
            OutboxEntry first = drain(outbox).getFirst();

            outbox.delivered(first);
            outbox.delivered(first);

            assertThat(outbox.pendingCount()).isEqualTo(1);
        }
    }

    @Test
    void shouldGiveConcurrentAppendsDistinctSequences() throws Exception {
        try (var outbox = ResultOutbox.open(directory)) {
            List<OutboxEntry> kept = appendConcurrently(outbox, 200);

            assertThat(kept).extracting(OutboxEntry::sequence).doesNotHaveDuplicates().allMatch(s -> s >= 0 && s < 200);
        }
    }

    @Test
    void shouldContinueNumberingAfterTheHighestKeptRecord() {
        try (var outbox = ResultOutbox.open(directory)) {
            outbox.append("t", bytes("k"), bytes("v0"));
            outbox.append("t", bytes("k"), bytes("v1"));
        }

        try (var reopened = ResultOutbox.open(directory)) {
            assertThat(reopened.append("t", bytes("k"), bytes("v2")).sequence()).isEqualTo(2);
        }
    }

    @Test
    void shouldDropATornTailLeftByACrashDuringAWrite() throws Exception {
        try (var outbox = ResultOutbox.open(directory)) {
            outbox.append("t", bytes("k"), bytes("kept"));
        }
        Files.write(batchFiles().getFirst(), new byte[] {0, 0, 0, 40, 1, 2, 3}, StandardOpenOption.APPEND);

        try (var reopened = ResultOutbox.open(directory)) {
            assertThat(drain(reopened)).extracting(e -> new String(e.value(), StandardCharsets.UTF_8))
                    .containsExactly("kept");
        }
    }

    private static List<OutboxEntry> appendConcurrently(ResultOutbox outbox, int count) throws Exception {
        List<Callable<OutboxEntry>> appends = IntStream.range(0, count)
                .<Callable<OutboxEntry>>mapToObj(i -> () -> outbox.append("t", bytes("k"), bytes("v" + i))).toList();
        List<OutboxEntry> kept = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var done : pool.invokeAll(appends)) {
                kept.add(done.get());
            }
        }
        return kept;
    }

    private List<Path> batchFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".outbox")).sorted().toList();
        }
    }

    private static List<OutboxEntry> drain(ResultOutbox outbox) throws InterruptedException {
        List<OutboxEntry> entries = new ArrayList<>();
        OutboxEntry e;
        while ((e = outbox.nextToSend(0, TimeUnit.MILLISECONDS)) != null) {
            entries.add(e);
        }
        return entries;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
