package org.epicall.kafka.embedded.internal;

import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's broker halts the JVM on a fatal fault, which is right for a Kafka process but would take
 * the whole epicall process (dialer, dashboard, pending results) down with an embedded broker.
 * Instead the fault is logged and thrown; results keep accumulating in the outbox.
 */
public final class FatalFaults {

    private static final Logger log = LoggerFactory.getLogger(FatalFaults.class);
    private static volatile boolean installed;

    private FatalFaults() {
    }

    public static synchronized void neverHaltTheJvm() {
        if (installed) {
            return;
        }
        Exit.setHaltProcedure((statusCode, message) -> {
            log.error("The embedded Kafka broker hit a fatal fault (status {}): {}. epicall keeps running; "
                    + "restart it to restart the broker.", statusCode, message);
            throw new IllegalStateException("embedded Kafka broker halted: " + message);
        });
        installed = true;
    }
}
