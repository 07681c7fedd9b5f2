package org.epicall.app.demo;

import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends every log line of the demo (Kafka, Spring, dialer, PBX) to a file, so the terminal shows only
 * the progress bar and the summary. Spring Boot is told to leave logging alone so this holds.
 */
public final class DemoLogging {

    private DemoLogging() {
    }

    /** Sends all logging to {@code file} from now on; Spring Boot started later leaves it so. */
    public static void toFile(Path file) {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        // Tomcat logs through java.util.logging; without Spring Boot's logging system nobody bridges it.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("demo-file");
        appender.setFile(file.toAbsolutePath().toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        for (String chatty : new String[] {"kafka", "org.apache.kafka", "state.change.logger", "org.apache.zookeeper",
                "org.asteriskjava"}) {
            context.getLogger(chatty).setLevel(Level.WARN);
        }
    }
}
