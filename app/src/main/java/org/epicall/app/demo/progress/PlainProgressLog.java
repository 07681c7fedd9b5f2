package org.epicall.app.demo.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * One plain line per interval, for pipes and CI logs where a redrawn bar would be noise. A line is
 * written only when the counts changed or the interval passed, never more often than the interval.
 */
final class PlainProgressLog implements ProgressDisplay {

    private final PrintStream out;
    private final Duration interval;
    private Duration lastPrinted;
    private DemoProgress lastShown;

    PlainProgressLog(PrintStream out, Duration interval) {
        this.out = out;
        this.interval = interval;
    }

    @Override
    public void update(DemoProgress progress, Duration elapsed) {
        boolean due = lastPrinted == null || elapsed.minus(lastPrinted).compareTo(interval) >= 0;
        if (due && !progress.equals(lastShown)) {
            print(progress, elapsed);
        }
    }

    @Override
    public void finish(DemoProgress progress, Duration elapsed) {
        if (!progress.equals(lastShown)) {
            print(progress, elapsed);
        }
        out.flush();
    }

    private void print(DemoProgress p, Duration elapsed) {
        out.println(String.format(Locale.ROOT, "progress %s: %d/%d residents accounted for; %s",
                ProgressLine.clock(elapsed), p.accounted(), p.residents(), ProgressLine.counts(p)));
        lastPrinted = elapsed;
        lastShown = p;
    }
}
