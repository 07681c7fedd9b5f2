package org.epicall.dialer.ami;

import org.slf4j.LoggerFactory;

/**
 * asterisk-java logs, at INFO, every event it has no class for: with the unused call events
 * deregistered that would be about ten lines per call. If the SLF4J provider is logback and nobody
 * configured that logger, it is raised to WARN. Done through reflection so the dialer does not
 * depend on logback; with another provider, or an explicit level, nothing changes.
 */
final class LibraryLogging {

    private static final String EVENT_BUILDER = "org.asteriskjava.manager.internal.EventBuilderImpl";

    private LibraryLogging() {
    }

    static void quietUnregisteredEvents() {
        Object logger = LoggerFactory.getLogger(EVENT_BUILDER);
        try {
            Class<?> level = Class.forName("ch.qos.logback.classic.Level");
            if (logger.getClass().getMethod("getLevel").invoke(logger) == null) {
                logger.getClass().getMethod("setLevel", level).invoke(logger, level.getField("WARN").get(null));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not logback: leave the provider's configuration alone
        }
    }
}
