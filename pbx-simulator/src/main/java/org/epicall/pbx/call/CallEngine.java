package org.epicall.pbx.call;

import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Places simulated calls: routes Originate dial strings to residents, runs each call's timeline on a
 * scheduler in scaled time, enforces the channel limit, and keeps the live channels. Thread-safe.
 */
public final class CallEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallEngine.class);

    /**
     * @param timeScale      how much faster than real time calls run
     * @param maxCalls       how many originated calls may be in progress at once; beyond it an Originate fails
     *                       with Reason 0, as Asterisk does past {@code maxcalls}
     * @param promptDuration how long a prompt of unknown length plays (simulated time)
     */
    public record Settings(TimeScale timeScale, int maxCalls, Duration promptDuration) {
        public Settings {
            if (maxCalls < 1) {
                throw new IllegalArgumentException("maxCalls must be at least 1, got " + maxCalls);
            }
        }
    }

    private final Settings settings;
    private final Dialplan dialplan;
    private final ResidentDirectory residents;
    private final CallListener listener;
    private volatile SurveyRunner surveyRunner = (call, step) -> call.surveyEnded(true);
    private final ScheduledThreadPoolExecutor scheduler;
    private final ConcurrentHashMap<String, Call> callsByChannel = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Channel> channelsByName = new ConcurrentHashMap<>();
    private final AtomicInteger activeCalls = new AtomicInteger();
    private final AtomicLong callsProcessed = new AtomicLong();
    private final AtomicLong channelSequence = new AtomicLong();
    private final AtomicLong uniqueSequence = new AtomicLong();
    // Only residents whose behaviour changes with the call are counted, so load runs keep no per-number state.
    private final ConcurrentHashMap<String, AtomicLong> callsToChangingResidents = new ConcurrentHashMap<>();

    public CallEngine(Settings settings, Dialplan dialplan, ResidentDirectory residents, CallListener listener) {
        this.settings = settings;
        this.dialplan = dialplan;
        this.residents = residents;
        this.listener = listener;
        // Steps of one call are chained and synchronised on the call, so several threads keep each call's order.
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        this.scheduler = new ScheduledThreadPoolExecutor(threads,
                Thread.ofPlatform().name("pbx-calls-", 0).daemon().factory());
        this.scheduler.setRemoveOnCancelPolicy(true);
    }

    public void surveyRunner(SurveyRunner runner) {
        this.surveyRunner = runner;
    }

    /**
     * Starts an Originate. The returned future completes, on the simulator's scheduler thread, when the far end
     * answers or the attempt fails; no call event of this call is emitted before this method returns.
     */
    public CompletableFuture<OriginateResult> originate(OriginateRequest request) {
        Optional<DialString> dial = DialString.parse(request.channel());
        if (dial.isEmpty() || !(dial.get().isLocal() || isKnownTrunk(dial.get()))) {
            return failWithoutChannel(request);
        }
        if (activeCalls.incrementAndGet() > settings.maxCalls()) {
            activeCalls.decrementAndGet();
            log.warn("Maximum call limit of {} calls exceeded; Originate to {} fails", settings.maxCalls(),
                    request.channel());
            return failWithoutChannel(request);
        }
        Call call = new Call(this, request, dial.get(), route(dial.get()));
        CompletableFuture<OriginateResult> result = call.result();
        try {
            scheduler.execute(() -> {
                try {
                    call.dial();
                } catch (RuntimeException e) {
                    log.error("Simulated call to {} failed", request.channel(), e);
                    call.abort();
                }
            });
        } catch (RuntimeException e) {
            activeCalls.decrementAndGet();
            result.complete(unknownFailure(request));
        }
        return result;
    }

    private boolean isKnownTrunk(DialString dial) {
        return dial.isPjsip() && dialplan.trunks().contains(dial.location());
    }

    private Resident route(DialString dial) {
        if (dial.isLocal()) {
            Resident fixed = dialplan.residentContexts().get(dial.location());
            if (fixed != null) {
                return fixed;
            }
            if (!dialplan.numberContexts().contains(dial.location())) {
                return null;
            }
        }
        return residents.find(dial.resource()).map(this::asOnThisCall).orElse(null);
    }

    private Resident asOnThisCall(Resident resident) {
        if (resident.thenAnswerAfter() == 0) {
            return resident;
        }
        long call = callsToChangingResidents.computeIfAbsent(resident.number(), n -> new AtomicLong())
                .incrementAndGet();
        return resident.onCall(call);
    }

    private CompletableFuture<OriginateResult> failWithoutChannel(OriginateRequest request) {
        CompletableFuture<OriginateResult> result = new CompletableFuture<>();
        try {
            scheduler.execute(() -> result.complete(unknownFailure(request)));
        } catch (RuntimeException e) {
            result.complete(unknownFailure(request));
        }
        return result;
    }

    private static OriginateResult unknownFailure(OriginateRequest request) {
        return new OriginateResult(OriginateReason.FAILURE, request.channel(),
                request.channelId() != null ? request.channelId() : OriginateResult.UNKNOWN_UNIQUEID);
    }

    /**
     * Hangs up the channel with this name (AMI Hangup).
     *
     * @return false if there is no such channel
     */
    public boolean hangup(String channelName, HangupCause cause) {
        Call call = callsByChannel.get(channelName);
        Channel channel = channelsByName.get(channelName);
        if (call == null || channel == null) {
            return false;
        }
        scheduler.execute(() -> call.hangupByManager(channel, cause));
        return true;
    }

    /** The live channels, oldest first. */
    public List<Channel> channels() {
        List<Channel> list = new ArrayList<>(channelsByName.values());
        list.sort(Comparator.comparing(Channel::created).thenComparing(Channel::name));
        return list;
    }

    public Optional<Channel> channel(String name) {
        return Optional.ofNullable(channelsByName.get(name));
    }

    /** The answered call a channel belongs to, for AMI GetVar. */
    public Optional<LiveCall> call(String channelName) {
        return Optional.ofNullable(callsByChannel.get(channelName));
    }

    public int activeCalls() {
        return activeCalls.get();
    }

    public long callsProcessed() {
        return callsProcessed.get();
    }

    public TimeScale timeScale() {
        return settings.timeScale();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    // ------------------------------------------------------------------ for Call

    CallListener listener() {
        return listener;
    }

    Dialplan dialplan() {
        return dialplan;
    }

    SurveyRunner surveyRunner() {
        return surveyRunner;
    }

    Duration promptDuration() {
        return settings.promptDuration();
    }

    String nextSequence() {
        return String.format("%08x", channelSequence.getAndIncrement() & 0xffffffffL);
    }

    Channel newChannel(Call call, String name, String uniqueid, String linkedid, ChannelState state,
                       String context, String exten) {
        Instant now = Instant.now();
        String id = uniqueid != null ? uniqueid : now.getEpochSecond() + "." + uniqueSequence.getAndIncrement();
        Channel channel = new Channel(name, id, linkedid != null ? linkedid : id,
                name.substring(0, name.indexOf('/')), state, context, exten, 1, now);
        channelsByName.put(name, channel);
        callsByChannel.put(name, call);
        return channel;
    }

    void forget(Channel channel) {
        channelsByName.remove(channel.name());
        callsByChannel.remove(channel.name());
    }

    void release(Call call) {
        activeCalls.decrementAndGet();
        callsProcessed.incrementAndGet();
    }

    ScheduledFuture<?> schedule(Duration simulated, Runnable task) {
        Duration wall = settings.timeScale().toWall(simulated);
        return scheduler.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("Simulated call step failed", e);
            }
        }, wall.toNanos(), TimeUnit.NANOSECONDS);
    }
}
