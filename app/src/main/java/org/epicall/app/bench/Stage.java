package org.epicall.app.bench;

import java.util.List;
import java.util.Locale;

/**
 * Where CPU goes in the end-to-end run, told apart by the name of the thread that used it.
 *
 * <p>Virtual threads cannot be told apart this way: their CPU shows on the carrier threads they run
 * on. In the assembled stack those are the dialer's FastAGI survey sessions, the PBX simulator's
 * calls and the campaign service's scheduler and web requests; recognition is not among them,
 * because it runs on its own platform threads.
 */
public enum Stage {
    RECOGNITION("recognition (Vosk decoding, answer interpretation)", List.of("recognition-")),
    VIRTUAL_THREADS("virtual threads (FastAGI survey sessions, PBX calls, campaign scheduler)",
            List.of("forkjoinpool-")),
    TELEPHONY("telephony platform threads (AMI client and server, pacing, dial ledger)",
            List.of("ami-", "asterisk-java", "dialer-", "dial-ledger", "agi-", "pbx-", "raw-ami")),
    KAFKA("kafka (broker, producers, consumers, result outbox)",
            List.of("kafka", "data-plane-", "broker-", "controller-", "quorum-", "group-coordinator", "raft-",
                    "expirationreaper", "share-", "txnmarker", "executor-", "epicall-consumer", "epicall-outbox",
                    "logdirfailure", "metrics-meter-tick", "transaction", "epicall-kafka")),
    CAMPAIGN("campaign service platform threads (web, database, batch)",
            List.of("http-nio", "scheduling-", "task-", "h2 ", "catalina", "hikari", "batch", "roster-import",
                    "container-")),
    JVM("jvm (JIT compilers, garbage collector)",
            List.of("c1 compiler", "c2 compiler", "gc ", "g1 ", "vm ", "reference handler", "finalizer",
                    "service thread", "sweeper")),
    OTHER("other threads", List.of());

    private final String description;
    private final List<String> prefixes;

    Stage(String description, List<String> prefixes) {
        this.description = description;
        this.prefixes = prefixes;
    }

    public String description() {
        return description;
    }

    /** The stage a thread's CPU counts towards, from its name. */
    public static Stage of(String threadName) {
        String name = threadName.toLowerCase(Locale.ROOT);
        for (Stage stage : values()) {
            for (String prefix : stage.prefixes) {
                if (name.startsWith(prefix)) {
                    return stage;
                }
            }
        }
        return OTHER;
    }
}
