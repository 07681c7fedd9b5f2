package org.epicall.dialer.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.epicall.dialer.agi.AgiConfig;
import org.epicall.dialer.ami.OriginateCommand;
import org.epicall.dialer.ami.PbxLink;
import org.epicall.dialer.ami.PbxUnavailableException;
import org.epicall.dialer.ami.AmiServerConfig;
import org.epicall.dialer.ledger.DialLedger;
import org.epicall.dialer.pacing.PacingGate;
import org.epicall.survey.call.CallOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that takes queued attempts, waits for the pacing gate, marks them DIALING in the
 * ledger (one fsync per batch) and sends their Originates.
 */
final class Pacer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Pacer.class);
    private static final int MAX_BATCH = 128;
    private static final int SENDERS = 4;
    private static final long IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final LinkedBlockingDeque<LiveCall> queue = new LinkedBlockingDeque<>();
    private final PacingGate gate;
    private final Map<String, PbxLink> links;
    private final Map<String, AmiServerConfig> servers;
    private final DialLedger ledger;
    private final CallBook book;
    private final DialerMetrics metrics;
    private final InstantSource clock;
    private final Duration ringTimeout;
    /** This node's survey script, where Asterisk sends an answered call (see AgiConfig#url). */
    private final Supplier<String> agiUrl;
    /** Batches being marked and sent while the pacer goes on granting leases; bounded so a slow PBX pushes back. */
    private final Semaphore sending = new Semaphore(SENDERS);
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("dialer-sender-", 0).factory());
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition capacity = lock.newCondition();
    private volatile boolean running = true;

    Pacer(PacingGate gate, Map<String, PbxLink> links, Map<String, AmiServerConfig> servers, DialLedger ledger,
            CallBook book, DialerMetrics metrics, InstantSource clock, Duration ringTimeout, Supplier<String> agiUrl) {
        this.gate = gate;
        this.links = links;
        this.servers = servers;
        this.ledger = ledger;
        this.book = book;
        this.metrics = metrics;
        this.clock = clock;
        this.ringTimeout = ringTimeout;
        this.agiUrl = agiUrl;
    }

    void enqueue(LiveCall call) {
        queue.add(call);
    }

    int queued() {
        return queue.size();
    }

    /** Wakes the pacer: a channel was freed or a server came up. */
    void capacityChanged() {
        lock.lock();
        try {
            capacity.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void stop() {
        running = false;
        capacityChanged();
        senders.shutdown();
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Attempts still queued at shutdown, removed from the queue. */
    List<LiveCall> drain() {
        List<LiveCall> rest = new ArrayList<>();
        queue.drainTo(rest);
        return rest;
    }

    @Override
    public void run() {
        while (running) {
            try {
                LiveCall first = queue.poll(IDLE_WAIT_NANOS, TimeUnit.NANOSECONDS);
                if (first == null) {
                    continue;
                }
                Optional<PacingGate.Lease> lease = awaitLease();
                if (lease.isEmpty()) {
                    queue.addFirst(first);
                    continue;
                }
                dialBatch(first, lease.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Pacer iteration failed; continuing", e);
            }
        }
    }

    private Optional<PacingGate.Lease> awaitLease() throws InterruptedException {
        while (running) {
            Optional<PacingGate.Lease> lease = gate.tryAcquire();
            if (lease.isPresent()) {
                return lease;
            }
            long waitNanos = gate.hasCapacity() ? Math.max(gate.nanosUntilToken(), 10_000) : IDLE_WAIT_NANOS;
            lock.lock();
            try {
                capacity.awaitNanos(waitNanos);
            } finally {
                lock.unlock();
            }
        }
        return Optional.empty();
    }

    private void dialBatch(LiveCall first, PacingGate.Lease firstLease) {
        Map<LiveCall, PacingGate.Lease> batch = new LinkedHashMap<>();
        batch.put(first, firstLease);
        while (batch.size() < MAX_BATCH) {
            LiveCall next = queue.poll();
            if (next == null) {
                break;
            }
            Optional<PacingGate.Lease> lease = gate.tryAcquire();
            if (lease.isEmpty()) {
                queue.addFirst(next);
                break;
            }
            batch.put(next, lease.get());
        }
        Instant now = clock.instant();
        Map<String, List<String>> byServer = new LinkedHashMap<>();
        for (Iterator<Map.Entry<LiveCall, PacingGate.Lease>> it = batch.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<LiveCall, PacingGate.Lease> entry = it.next();
            LiveCall call = entry.getKey();
            Optional<String> blocked = book.blocked(call);
            if (call.request.notAfter() != null && !call.request.notAfter().isAfter(now)) {
                gate.release(entry.getValue());
                it.remove();
                book.finishUndialed(call, CallOutcome.FAILED, "not dialed: the calling window closed at "
                        + call.request.notAfter() + " while the attempt waited for pacing");
            } else if (blocked.isPresent()) {
                gate.release(entry.getValue());
                it.remove();
                book.finishUndialed(call, CallOutcome.CAMPAIGN_FAULT, blocked.get());
            } else {
                byServer.computeIfAbsent(entry.getValue().server(), s -> new ArrayList<>()).add(call.attemptId());
            }
        }
        sending.acquireUninterruptibly();
        try {
            senders.execute(() -> {
                try {
                    send(batch, byServer);
                } finally {
                    sending.release();
                }
            });
        } catch (RejectedExecutionException e) {
            sending.release();
            send(batch, byServer);
        }
    }

    /** Marks a batch DIALING with one fsync, then sends its Originates; runs on a sender thread. */
    private void send(Map<LiveCall, PacingGate.Lease> batch, Map<String, List<String>> byServer) {
        try {
            byServer.forEach((server, ids) -> ledger.markDialing(ids, server));
        } catch (RuntimeException e) {
            // without a durable DIALING mark nothing is dialed; the attempts stay ACCEPTED and go back
            log.error("Could not mark {} attempts dialing; they go back to the queue: {}", batch.size(), e.getMessage());
            batch.forEach((call, lease) -> {
                gate.release(lease);
                if (!call.isEnded()) {
                    queue.addFirst(call);
                }
            });
            return;
        }
        batch.forEach((call, lease) -> {
            if (call.isEnded()) {
                // ended while it waited (the node is closing): it holds no other lease
                gate.release(lease);
            } else {
                originate(call, lease);
            }
        });
    }

    private void originate(LiveCall call, PacingGate.Lease lease) {
        PbxLink link = links.get(lease.server());
        AmiServerConfig server = servers.get(lease.server());
        Instant now = clock.instant();
        call.originated(lease, now, book.responseDeadline(now));
        String channelId = call.channelId();
        OriginateCommand command = new OriginateCommand(channelId, channelId,
                server.dialString(call.request.phoneNumber()), ringTimeout,
                Map.of("EPICALL_ATTEMPT", call.attemptId(), AgiConfig.URL_VARIABLE, agiUrl.get()));
        try {
            link.originate(command);
            metrics.originated(lease.server());
        } catch (PbxUnavailableException e) {
            if (e.getCause() == null) {
                // the session was already down: nothing was written, so route it elsewhere
                call.requeued();
                gate.release(lease);
                queue.addFirst(call);
            } else {
                log.warn("Originate for attempt {} may or may not have reached {}: {}", call.attemptId(),
                        lease.server(), e.getMessage());
            }
        }
    }
}
