package org.epicall.dialer.service;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.epicall.speech.CallRecognizer;
import org.epicall.speech.SpeechRecognizer;
import org.epicall.speech.Transcript;
import org.epicall.speech.audio.TelephoneAudio;

/**
 * Runs recognition on a few platform threads of its own instead of on the calls' virtual threads.
 *
 * <p>Why: libvosk decodes in native code, which pins a virtual thread's carrier for the whole
 * decode; with as many carriers as cores, a few decodes at once starve every other call's socket
 * I/O (AMI events, AGI replies). Here the calls' virtual threads just wait, unpinned, and the CPU
 * the decoding takes is measured exactly (per-thread CPU time), which the end-to-end benchmark uses
 * to name its bottleneck.
 *
 * <p>Thread-safe. Each call's {@link CallRecognizer} is still used by one call at a time, as its
 * contract requires: the call waits for each recognition before it goes on.
 */
public final class RecognitionPool implements SpeechRecognizer, AutoCloseable {

    private final SpeechRecognizer delegate;
    private final ExecutorService pool;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final LongAdder recognitions = new LongAdder();
    private final LongAdder audioMillis = new LongAdder();

    /**
     * @param threads decoding threads; the number of cores is a good choice, more only queues in the kernel
     */
    public RecognitionPool(SpeechRecognizer delegate, int threads) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (threads < 1) {
            throw new IllegalArgumentException("recognition threads must be >= 1, was " + threads);
        }
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = Thread.ofPlatform().daemon().name("recognition-" + n.incrementAndGet()).unstarted(r);
            this.threads.add(t);
            return t;
        });
    }

    @Override
    public CallRecognizer openCall(String language) {
        CallRecognizer call = delegate.openCall(language);
        return new CallRecognizer() {
            @Override
            public Transcript recognize(Path wavFile, List<String> expectedPhrases) {
                return counted(run(() -> call.recognize(wavFile, expectedPhrases)));
            }

            @Override
            public Transcript recognize(TelephoneAudio audio, List<String> expectedPhrases) {
                return counted(run(() -> call.recognize(audio, expectedPhrases)));
            }

            @Override
            public void close() {
                call.close();
            }
        };
    }

    /** CPU time the decoding threads have used, in nanoseconds. */
    public long cpuNanos() {
        long total = 0;
        for (Thread t : threads) {
            long cpu = mx.getThreadCpuTime(t.threadId());
            total += Math.max(0, cpu);
        }
        return total;
    }

    /** Answers recognised so far. */
    public long recognitions() {
        return recognitions.sum();
    }

    /** Seconds of audio recognised so far. */
    public double audioSeconds() {
        return audioMillis.sum() / 1000.0;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private Transcript counted(Transcript t) {
        recognitions.increment();
        audioMillis.add(Math.round(t.audioSeconds() * 1000));
        return t;
    }

    /*
     * Waits for the decode even when the waiting call is interrupted (e.g. the resident hung up): the
     * call closes its recognizer next, which must not happen while a pool thread is still using it.
     */
    private <T> T run(Callable<T> task) {
        Future<T> future = pool.submit(task);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
