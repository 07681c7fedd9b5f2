package org.epicall.dialer.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import org.epicall.dialer.ledger.DialLedger.Interrupted;
import org.epicall.survey.call.DialRequest;

/**
 * Any interleaving of requests, ends, clock steps (backwards too), compactions and restarts keeps
 * the ledger's promises.
 */
class JournalLedgerProperties {

    private static final Instant START = Instant.parse("2030-03-01T09:00:00Z");
    private static final int IDS = 12;

    sealed interface Op permits Accept, Dial, End, Redeliver, Step, Compact, Restart {
    }

    /** A request for attempt {@code id}, maybe one seen before. */
    record Accept(int id) implements Op {
    }

    /** Dials the n-th open attempt (modulo their number), if any. */
    record Dial(int n) implements Op {
    }

    /** Ends the n-th open attempt (modulo their number), if any. */
    record End(int n) implements Op {
    }

    /** Offers again the n-th attempt ever accepted (modulo their number), if any. */
    record Redeliver(int n) implements Op {
    }

    /** Moves the clock by this many minutes, possibly backwards. */
    record Step(int minutes) implements Op {
    }

    record Compact() implements Op {
    }

    record Restart() implements Op {
    }

    @Provide
    Arbitrary<List<Op>> histories() {
        Arbitrary<Integer> id = Arbitraries.integers().between(0, IDS - 1);
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 100);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(4, id.map(Accept::new)),
                Tuple.of(2, n.map(Dial::new)),
                Tuple.of(4, n.map(End::new)),
                Tuple.of(3, n.map(Redeliver::new)),
                Tuple.of(5, Arbitraries.integers().between(-20, 150).map(Step::new)),
                Tuple.of(4, Arbitraries.just(new Compact())),
                Tuple.of(1, Arbitraries.just(new Restart())));
        return op.list().ofMinSize(20).ofMaxSize(60);
    }

    // A redelivery is the same request: the deadline belongs to the attempt id.
    private static DialRequest request(int id) {
        return new DialRequest("att-" + id, "camp-1", "contact-" + id, "+821000000001", "ko", "covid-checkin", 1,
                START.plus(Duration.ofMinutes(20L * id)));
    }

    @Property(tries = 100)
    void neverAcceptsAnAttemptTwiceAndNeverForgetsAnOpenOne(@ForAll("histories") List<Op> history)
            throws IOException {
        Path dir = Files.createTempDirectory("ledger-property");
        try {
            boolean reofferedForgotten = replay(history, dir);
            Statistics.label("a forgotten attempt offered again").collect(reofferedForgotten);
        } finally {
            deleteRecursively(dir);
        }
        // about one history in six exercises it; none in a hundred would mean the generator degenerated
        Statistics.label("a forgotten attempt offered again").coverage(c -> c.check(true).count(k -> k >= 1));
    }

    /** Runs the history; true if an attempt the ledger had forgotten was offered again. */
    private static boolean replay(List<Op> history, Path dir) {
        ManualClock clock = new ManualClock(START);
        ManualExecutor background = new ManualExecutor();
        LedgerConfig config = LedgerConfig.defaults(dir.resolve("ledger.log"))
                .withRetention(Duration.ofHours(1), Duration.ofDays(7));
        List<Integer> accepted = new ArrayList<>();
        Set<Integer> ended = new HashSet<>();
        boolean reofferedForgotten = false;
        JournalDialLedger ledger = JournalDialLedger.open(config, clock, background);
        try {
            for (Op op : history) {
                switch (op) {
                    case Accept a -> reofferedForgotten |= offer(ledger, a.id(), accepted);
                    case Redeliver r -> {
                        if (!accepted.isEmpty()) {
                            reofferedForgotten |= offer(ledger, accepted.get(r.n() % accepted.size()), accepted);
                        }
                    }
                    case Dial d -> {
                        List<Integer> open = open(accepted, ended);
                        if (!open.isEmpty()) {
                            ledger.markDialing(List.of("att-" + open.get(d.n() % open.size())), "pbx-a");
                        }
                    }
                    case End e -> {
                        List<Integer> open = open(accepted, ended);
                        if (!open.isEmpty()) {
                            int id = open.get(e.n() % open.size());
                            ended.add(id);
                            ledger.markEnded("att-" + id);
                        }
                    }
                    case Step s -> clock.advance(Duration.ofMinutes(s.minutes()));
                    case Compact c -> {
                        ledger.compact();
                        background.runAll();
                    }
                    case Restart r -> {
                        ledger.close();
                        ledger = JournalDialLedger.open(config, clock, background);
                        assertThat(ledger.interrupted()).extracting(Interrupted::attemptId)
                                .containsExactlyInAnyOrderElementsOf(
                                        open(accepted, ended).stream().map(i -> "att-" + i).toList());
                    }
                }
                for (int id : open(accepted, ended)) {
                    assertThat(ledger.knows("att-" + id)).as("open attempt att-%d remembered", id).isTrue();
                }
            }
        } finally {
            ledger.close();
        }
        return reofferedForgotten;
    }

    /** Offers attempt {@code id}, failing if the ledger takes it a second time; true if it had been forgotten. */
    private static boolean offer(JournalDialLedger ledger, int id, List<Integer> accepted) {
        boolean forgotten = accepted.contains(id) && !ledger.knows("att-" + id);
        boolean fresh = ledger.accept(request(id));
        assertThat(fresh && accepted.contains(id)).as("att-%d accepted twice", id).isFalse();
        if (fresh) {
            accepted.add(id);
        }
        return forgotten;
    }

    private static List<Integer> open(List<Integer> accepted, Set<Integer> ended) {
        return accepted.stream().filter(id -> !ended.contains(id)).toList();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
