package org.epicall.app.demo.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** A single line redrawn in place with a carriage return; for interactive terminals. */
final class TerminalProgressBar implements ProgressDisplay {

    private static final String CLEAR_TO_END = "\u001b[K";

    private final PrintStream out;
    private final int width;

    TerminalProgressBar(PrintStream out, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("bar width must be >= 1, was " + width);
        }
        this.out = out;
        this.width = width;
    }

    @Override
    public void update(DemoProgress progress, Duration elapsed) {
        out.print("\r" + render(progress, elapsed) + CLEAR_TO_END);
        out.flush();
    }

    @Override
    public void finish(DemoProgress progress, Duration elapsed) {
        update(progress, elapsed);
        out.println();
        out.flush();
    }

    String render(DemoProgress p, Duration elapsed) {
        int filled = (int) Math.floor(p.fraction() * width);
        String bar = "█".repeat(filled) + "░".repeat(width - filled);
        return String.format(Locale.ROOT, "[%s] %d/%d %s  %s", bar, p.accounted(), p.residents(),
                ProgressLine.clock(elapsed), ProgressLine.counts(p));
    }
}
