package org.epicall.pbx.call;

import org.epicall.pbx.resident.Resident;
import org.epicall.pbx.resident.ResidentDirectory;
import org.epicall.pbx.sound.Sounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Places simulated calls: routes Originate dial strings to residents, runs each call's timeline on a
 * scheduler in scaled time, applies Asterisk's limits (maxcalls, maxload, unique channel ids), and keeps the
 * live channels. Thread-safe.
 */
public final class CallEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallEngine.class);

    /**
     * @param timeScale    how much faster than real time calls run
     * @param maxCalls     asterisk.conf {@code maxcalls}: dialplan (PBX) threads that may run at once, 0 for no
     *                     limit. Asterisk counts threads, not calls: the far half of a Local call runs one from the
     *                     moment it is dialled, and the survey half another once it is answered into a context
     *                     (ami-27). A PJSIP call runs one once answered.
     * @param maxLoad      asterisk.conf {@code maxload}: no dialplan thread starts while the load average is at or
     *                     above it; 0 for no limit
     * @param loadAverage  the 1-minute load average Asterisk's {@code getloadavg} would report
     * @param order        where a failed Originate's response falls among its hangup events
     * @param sounds       the sound files Playback and AMD-less prompts can play
     */
    public record Settings(TimeScale timeScale, int maxCalls, double maxLoad, DoubleSupplier loadAverage,
                           FailureEventOrder order, Sounds sounds) {
        public Settings {
            if (maxCalls < 0) {
                throw new IllegalArgumentException("maxCalls must be 0 (no limit) or more, got " + maxCalls);
            }
            if (!(maxLoad >= 0) || Double.isInfinite(maxLoad)) {
                throw new IllegalArgumentException("maxLoad must be 0 (no limit) or a positive number, got " + maxLoad);
            }
        }
    }

    private final Settings settings;
    private volatile Dialplan dialplan;
    private final ResidentDirectory residents;
    private final CallListener listener;
    private volatile SurveyRunner surveyRunner = (call, step) -> call.surveyEnded(true);
    private final ScheduledThreadPoolExecutor scheduler;
    private final ConcurrentHashMap<String, Call> callsByChannel = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Channel> channelsByName = new ConcurrentHashMap<>();
    // Asterisk finds a channel by uniqueid with strncasecmp over the looked-up id's length, so a new ChannelId
    // clashes with every live id it is a prefix of (ami-22). Sorted, lower-cased: a prefix search is one lookup.
    private final ConcurrentSkipListMap<String, Optional<Channel>> uniqueids = new ConcurrentSkipListMap<>();
    private final Object uniqueidLock = new Object();
    private final AtomicInteger activeCalls = new AtomicInteger();
    private final AtomicInteger pbxThreads = new AtomicInteger();
    private final AtomicLong callsProcessed = new AtomicLong();
    private final AtomicLong callSequence = new AtomicLong();
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
     * Starts an Originate. {@code responder} is called once, with what OriginateResponse reports, at the point of
     * the call's timeline where Asterisk sends it (so it is ordered with the call's events); the returned future
     * completes right after. No call event of this call is emitted before this method returns.
     */
    public CompletableFuture<OriginateResult> originate(OriginateRequest request, Consumer<OriginateResult> responder) {
        CompletableFuture<OriginateResult> result = new CompletableFuture<>();
        Consumer<OriginateResult> respond = r -> {
            try {
                responder.accept(r);
            } finally {
                result.complete(r);
            }
        };
        Optional<DialString> dial = DialString.parse(request.channel());
        if (dial.isEmpty() || !(dial.get().isLocal() || isKnownTrunk(dial.get()))) {
            failWithoutChannel(request, respond);
            return result;
        }
        if (request.channelId() != null && !reserve(request.channelId(), dial.get())) {
            failWithoutChannel(request, respond);
            return result;
        }
        activeCalls.incrementAndGet();
        Call call = new Call(this, request, dial.get(), route(dial.get()), callSequence.getAndIncrement(), respond);
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
            unreserve(request.channelId());
            respond.accept(unknownFailure(request));
        }
        return result;
    }

    private boolean reserve(String channelId, DialString dial) {
        String key = channelId.toLowerCase(Locale.ROOT);
        synchronized (uniqueidLock) {
            Map.Entry<String, Optional<Channel>> next = uniqueids.ceilingEntry(key);
            if (next != null && next.getKey().startsWith(key)) {
                String owner = next.getValue().map(Channel::name).orElse("(being created)");
                log.error("Channel Unique ID '{}' already in use by channel {}", channelId, owner);
                if (dial.isLocal()) {
                    log.warn("Unable to allocate owner channel structure");
                }
                return false;
            }
            // held, channel-less, until the call creates its channel under this id
            uniqueids.put(key, Optional.empty());
            return true;
        }
    }

    private void unreserve(String channelId) {
        if (channelId != null) {
            uniqueids.remove(channelId.toLowerCase(Locale.ROOT));
        }
    }

    private boolean isKnownTrunk(DialString dial) {
        return dial.isPjsip() && dialplan.trunks().contains(dial.location());
    }

    private Resident route(DialString dial) {
        if (dial.isLocal()) {
            Optional<Resident> fixed = dialplan.fixedResident(dial.location(), dial.resource());
            if (fixed.isPresent()) {
                return fixed.get();
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

    private void failWithoutChannel(OriginateRequest request, Consumer<OriginateResult> respond) {
        try {
            scheduler.execute(() -> respond.accept(unknownFailure(request)));
        } catch (RuntimeException e) {
            respond.accept(unknownFailure(request));
        }
    }

    static OriginateResult unknownFailure(OriginateRequest request) {
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

    /** Originated calls not yet ended. */
    public int activeCalls() {
        return activeCalls.get();
    }

    /** Dialplan threads running: what Asterisk calls "active calls" and counts against maxcalls. */
    public int pbxThreads() {
        return pbxThreads.get();
    }

    public long callsProcessed() {
        return callsProcessed.get();
    }

    public TimeScale timeScale() {
        return settings.timeScale();
    }

    public Sounds sounds() {
        return settings.sounds();
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

    /** Like Asterisk's {@code dialplan reload}: what a channel does from now on; calls already in a context keep it. */
    public void reloadDialplan(Dialplan next) {
        this.dialplan = Objects.requireNonNull(next, "dialplan");
    }

    SurveyRunner surveyRunner() {
        return surveyRunner;
    }

    FailureEventOrder order() {
        return settings.order();
    }

    /**
     * Starts a dialplan thread on {@code channel} if Asterisk's limits allow, logging as Asterisk does when they
     * do not (pbx.c increase_call_count: maxcalls first, then maxload).
     */
    boolean startPbx(Channel channel) {
        if (settings.maxCalls() > 0) {
            while (true) {
                int running = pbxThreads.get();
                if (running >= settings.maxCalls()) {
                    log.warn("Maximum call limit of {} calls exceeded by '{}'!", settings.maxCalls(), channel.name());
                    return false;
                }
                if (pbxThreads.compareAndSet(running, running + 1)) {
                    break;
                }
            }
        } else {
            pbxThreads.incrementAndGet();
        }
        if (settings.maxLoad() > 0) {
            double load = settings.loadAverage().getAsDouble();
            if (load >= settings.maxLoad()) {
                pbxThreads.decrementAndGet();
                log.warn(String.format(Locale.ROOT, "Maximum loadavg limit of %f load exceeded by '%s' (currently %f)!",
                        settings.maxLoad(), channel.name(), load));
                return false;
            }
        }
        return true;
    }

    void endPbx() {
        pbxThreads.decrementAndGet();
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
        uniqueids.put(id.toLowerCase(Locale.ROOT), Optional.of(channel));
        return channel;
    }

    void forget(Channel channel) {
        channelsByName.remove(channel.name());
        callsByChannel.remove(channel.name());
        uniqueids.remove(channel.uniqueid().toLowerCase(Locale.ROOT));
    }

    /** Drops an assigned ChannelId that never became a channel. */
    void forgetReservation(String channelId) {
        synchronized (uniqueidLock) {
            String key = channelId.toLowerCase(Locale.ROOT);
            Optional<Channel> held = uniqueids.get(key);
            if (held != null && held.isEmpty()) {
                uniqueids.remove(key);
            }
        }
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
