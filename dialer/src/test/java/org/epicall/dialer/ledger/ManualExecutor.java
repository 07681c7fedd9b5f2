package org.epicall.dialer.ledger;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** Holds the tasks it is given until the test runs them, so background work happens when the test says. */
final class ManualExecutor implements Executor {

    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    synchronized int pending() {
        return tasks.size();
    }

    /** Runs the tasks queued so far on the calling thread. */
    void runAll() {
        Runnable task;
        while ((task = next()) != null) {
            task.run();
        }
    }

    private synchronized Runnable next() {
        return tasks.poll();
    }
}
