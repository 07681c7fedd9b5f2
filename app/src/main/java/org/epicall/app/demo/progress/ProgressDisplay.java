package org.epicall.app.demo.progress;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Shows the demo's progress on the console while it runs. Not thread-safe: one thread updates it.
 */
public interface ProgressDisplay {

    /** Shows the latest counts; {@code elapsed} is the time since the campaign started. */
    void update(DemoProgress progress, Duration elapsed);

    /** Shows the final counts and leaves the cursor on a fresh line. */
    void finish(DemoProgress progress, Duration elapsed);

    /**
     * A redrawn one-line bar when {@code terminal} is true, otherwise a plain line every
     * {@code plainInterval} (and whenever the run ends), fit for logs and pipes.
     */
    static ProgressDisplay forConsole(PrintStream out, boolean terminal, Duration plainInterval) {
        return terminal ? new TerminalProgressBar(out, 28) : new PlainProgressLog(out, plainInterval);
    }

    /** Whether standard output is an interactive terminal. */
    static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }
}
