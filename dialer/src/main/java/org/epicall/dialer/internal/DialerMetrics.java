package org.epicall.dialer.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.epicall.survey.call.CallOutcome;

/** The dialer's meters, all named {@code epicall.dialer.*}. Thread-safe. */
public final class DialerMetrics {

    private final MeterRegistry registry;
    private final Timer originateResponse;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    public DialerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.originateResponse = Timer.builder("epicall.dialer.originate.response")
                .description("from sending an Originate to its OriginateResponse")
                .publishPercentiles(0.5, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(10))
                .distributionStatisticBufferLength(1)
                .register(registry);
    }

    public void gauge(String name, Supplier<Number> value) {
        Gauge.builder(name, value).register(registry);
    }

    public <T> void functionCounter(String name, T owner, ToDoubleFunction<T> count) {
        FunctionCounter.builder(name, owner, count).register(registry);
    }

    void submitted(String result) {
        counter("epicall.dialer.submitted", "result", result).increment();
    }

    /** A request not taken on, by {@link org.epicall.dialer.SubmitResult.Reason}. */
    void notTaken(String reason) {
        counter("epicall.dialer.refusals", "reason", reason).increment();
    }

    /** An attempt found recorded and never dialed after a crash, given up unreported. */
    void abandoned() {
        counter("epicall.dialer.abandoned", "cause", "restart").increment();
    }

    void originated(String server) {
        counter("epicall.dialer.originates", "server", server).increment();
    }

    void outcome(CallOutcome outcome) {
        counter("epicall.dialer.outcomes", "outcome", outcome.name()).increment();
    }

    void serverRefusal(String server) {
        counter("epicall.dialer.server.refusals", "server", server).increment();
    }

    void linkDown(String server) {
        counter("epicall.dialer.link.down", "server", server).increment();
    }

    void originateResponse(Duration latency) {
        originateResponse.record(latency);
    }

    /** The originate → OriginateResponse timer. */
    public Timer originateResponseTimer() {
        return originateResponse;
    }

    private Counter counter(String name, String tag, String value) {
        return counters.computeIfAbsent(name + '|' + value,
                k -> Counter.builder(name).tag(tag, value).register(registry));
    }
}
