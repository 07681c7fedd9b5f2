package org.epicall.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time of the whole process and of every live platform thread at one moment. The difference
 * of two snapshots splits the CPU used in between by {@link Stage}. A thread that ended in between
 * is missed; the stack's threads live as long as the run.
 *
 * @param processNanos CPU time of the process
 * @param threads      thread id to its name and CPU time
 */
public record CpuSnapshot(long processNanos, Map<Long, ThreadCpu> threads) {

    /** One thread's name and CPU time in nanoseconds. */
    public record ThreadCpu(String name, long nanos) {
    }

    public static CpuSnapshot take() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, ThreadCpu> threads = new HashMap<>();
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null) {
                long cpu = mx.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    threads.put(info.getThreadId(), new ThreadCpu(info.getThreadName(), cpu));
                }
            }
        }
        return new CpuSnapshot(processCpuNanos(), threads);
    }

    /** CPU used per stage since {@code before}; threads new since then count from zero. */
    public Map<Stage, Long> since(CpuSnapshot before) {
        Map<Stage, Long> byStage = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            byStage.put(stage, 0L);
        }
        threads.forEach((id, now) -> {
            ThreadCpu then = before.threads().get(id);
            long used = now.nanos() - (then == null ? 0 : then.nanos());
            byStage.merge(Stage.of(now.name()), Math.max(0, used), Long::sum);
        });
        return byStage;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
