package org.epicall.dialer.service.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recorded answers are deleted once the retention has passed since they were written, and not before. */
class RecordingRetentionTest {

    private static final Instant CALLED = Instant.parse("2026-03-09T01:00:00Z");
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    @TempDir Path recordings;
    private final AtomicReference<Instant> now = new AtomicReference<>(CALLED);
    private final InstantSource clock = now::get;

    @Test
    void keepsARecordingUntilTheRetentionHasPassedThenDeletesIt() throws IOException {
        Path answer = recording("campaign-1/a-1-fever-1.wav", CALLED);
        RecordingRetention retention = new RecordingRetention(recordings, THIRTY_DAYS, clock);

        now.set(CALLED.plus(THIRTY_DAYS).minusSeconds(1));
        assertThat(retention.sweep()).isZero();
        assertThat(answer).exists();

        now.set(CALLED.plus(THIRTY_DAYS).plusSeconds(1));
        assertThat(retention.sweep()).isOne();
        assertThat(answer).doesNotExist();
    }

    @Test
    void deletesOnlyTheRecordingsPastTheRetentionInEveryCampaign() throws IOException {
        Path old1 = recording("campaign-1/a-1-fever-1.wav", CALLED);
        Path old2 = recording("campaign-2/a-7-travel-2.wav", CALLED.plus(Duration.ofDays(1)));
        Path recent = recording("campaign-2/a-9-travel-1.wav", CALLED.plus(Duration.ofDays(20)));
        now.set(CALLED.plus(Duration.ofDays(40)));

        int deleted = new RecordingRetention(recordings, THIRTY_DAYS, clock).sweep();

        assertThat(deleted).isEqualTo(2);
        assertThat(old1).doesNotExist();
        assertThat(old2).doesNotExist();
        assertThat(recent).exists();
        assertThat(recordings.resolve("campaign-1")).as("where Asterisk records the campaign's next calls").isDirectory();
    }

    @Test
    void aRecordingStillBeingWrittenIsKeptWhateverTheTime() throws IOException {
        Path growing = recording("campaign-1/a-2-notes-1.wav", CALLED);
        now.set(CALLED.plus(Duration.ofDays(365)));
        Files.setLastModifiedTime(growing, FileTime.from(now.get().minusSeconds(2)));

        assertThat(new RecordingRetention(recordings, THIRTY_DAYS, clock).sweep()).isZero();
        assertThat(growing).exists();
    }

    @Test
    void aMissingRecordingsDirectoryIsNothingToSweep() {
        assertThat(new RecordingRetention(recordings.resolve("not-yet"), THIRTY_DAYS, clock).sweep()).isZero();
    }

    private Path recording(String name, Instant written) throws IOException {
        Path file = recordings.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {'R', 'I', 'F', 'F'});
        Files.setLastModifiedTime(file, FileTime.from(written));
        return file;
    }
}
