package org.epicall.dialer.service.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.epicall.dialer.service.DialerApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code epicall dialer}: runs one dialer node until stopped (SIGTERM or Ctrl-C stops it gracefully).
 * A node that cannot start prints one line naming the setting and exits with status 2.
 */
@Command(name = "dialer", mixinStandardHelpOptions = true,
        description = {
                "Run a dialer node: takes dial requests from Kafka (group epicall-dialers), calls through the"
                        + " configured Asterisk servers, runs the survey over FastAGI, reports through its outbox.",
                "Settings: ./epicall-dialer.yaml or --config FILE, overridden by environment variables"
                        + " (EPICALL_DIALER_SERVERS_0_HOST, EPICALL_DIALER_KAFKA_BOOTSTRAP_SERVERS, ...), overridden by"
                        + " --key=value arguments, e.g. --epicall.dialer.agi.port=4574 --server.port=8082.",
                "Health: http://localhost:8081/actuator/health/readiness; metrics: /actuator/prometheus."})
public final class DialerCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (YAML), read after ./epicall-dialer.yaml.")
    Path config;

    /** Further settings, e.g. {@code --epicall.dialer.agi.port=4574 --server.port=8082}, handed to Spring Boot. */
    @Unmatched
    List<String> settings = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(settings);
        if (config != null) {
            args.add("--spring.config.additional-location=file:" + config.toAbsolutePath());
        }
        ConfigurableApplicationContext context;
        try {
            context = DialerApplication.start(args.toArray(String[]::new));
        } catch (RuntimeException | Error e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("epicall dialer: " + StartupErrors.describe(e));
            err.flush();
            return 2;
        }
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.close();
        }
        return 0;
    }
}
