package org.epicall.app.demo.progress;

import java.time.Duration;
import java.util.Locale;

/** The words both displays use, so a log reads like the bar. */
final class ProgressLine {

    private ProgressLine() {
    }

    static String counts(DemoProgress p) {
        return String.format(Locale.ROOT,
                "dialed %d · answered %d · completed %d · retrying %d · failed %d · out of attempts %d",
                p.dialed(), p.answered(), p.completed(), p.retrying(), p.failed(), p.exhausted());
    }

    static String clock(Duration elapsed) {
        long s = Math.max(0, elapsed.toSeconds());
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
