package org.epicall.app.demo.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static DemoProgress progress(long completed, long failed, long exhausted) {
        return new DemoProgress(200, 180, 120, completed, 20, failed, exhausted, 5);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void terminalBarRedrawsOneLineWithEveryCount() {
        ProgressDisplay bar = ProgressDisplay.forConsole(out, true, Duration.ofSeconds(5));

        bar.update(progress(90, 6, 4), Duration.ofSeconds(75));

        assertThat(printed()).startsWith("\r[").doesNotContain("\n")
                .contains("100/200", "01:15", "dialed 180", "answered 120", "completed 90", "retrying 20",
                        "failed 6", "out of attempts 4");
    }

    @Test
    void terminalBarFillsInProportionToResidentsAccountedFor() {
        TerminalProgressBar bar = new TerminalProgressBar(out, 10);

        String half = bar.render(progress(80, 10, 10), Duration.ZERO);

        assertThat(half).startsWith("[█████░░░░░]");
    }

    @Test
    void terminalBarEndsOnAFreshLine() {
        ProgressDisplay bar = ProgressDisplay.forConsole(out, true, Duration.ofSeconds(5));

        bar.finish(progress(190, 6, 4), Duration.ofSeconds(100));

        assertThat(printed()).contains("200/200").endsWith(System.lineSeparator());
    }

    @Test
    void plainLogWritesNoControlCharacters() {
        ProgressDisplay log = ProgressDisplay.forConsole(out, false, Duration.ofSeconds(5));

        log.update(progress(90, 6, 4), Duration.ofSeconds(3));

        assertThat(printed()).doesNotContain("\r", "\u001b")
                .startsWith("progress 00:03: 100/200 residents accounted for; dialed 180");
    }

    @Test
    void plainLogWritesAtMostOneLinePerInterval() {
        ProgressDisplay log = ProgressDisplay.forConsole(out, false, Duration.ofSeconds(5));

        log.update(progress(10, 0, 0), Duration.ofSeconds(0));
        log.update(progress(20, 0, 0), Duration.ofSeconds(2));
        log.update(progress(30, 0, 0), Duration.ofSeconds(5));

        assertThat(printed().lines()).hasSize(2);
    }

    @Test
    void plainLogSkipsUnchangedCounts() {
        ProgressDisplay log = ProgressDisplay.forConsole(out, false, Duration.ofSeconds(5));

        log.update(progress(10, 0, 0), Duration.ofSeconds(0));
        log.update(progress(10, 0, 0), Duration.ofSeconds(10));

        assertThat(printed().lines()).hasSize(1);
    }

    @Test
    void plainLogAlwaysShowsTheFinalCounts() {
        ProgressDisplay log = ProgressDisplay.forConsole(out, false, Duration.ofSeconds(5));

        log.update(progress(10, 0, 0), Duration.ofSeconds(0));
        log.finish(progress(190, 6, 4), Duration.ofSeconds(1));

        assertThat(printed().lines()).hasSize(2).last().asString().contains("200/200");
    }

    @Test
    void progressIsDoneOnlyWhenEveryResidentIsAccountedFor() {
        assertThat(progress(189, 6, 4).done()).isFalse();
        assertThat(progress(190, 6, 4).done()).isTrue();
    }
}
