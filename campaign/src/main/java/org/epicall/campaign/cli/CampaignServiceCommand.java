package org.epicall.campaign.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.epicall.campaign.CampaignApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code epicall campaign-service}: runs the campaign service (REST API, dashboard, scheduler) until stopped. */
@Command(name = "campaign-service", mixinStandardHelpOptions = true, subcommands = ApiTokenCommand.class,
        description = "Run the campaign service: REST API and dashboard on --port, roster imports, scheduling."
                + " Data lives in --data-dir (H2) unless the postgres profile is active. Other arguments go to"
                + " Spring Boot, e.g. --spring.profiles.active=postgres.")
public final class CampaignServiceCommand implements Runnable {

    // No picocli defaults: an option given is passed on, one not given leaves the setting to the environment
    // (SERVER_PORT, EPICALL_CAMPAIGN_STORAGEDIR) and then to application.yaml (8080, ./data/campaign).
    @Option(names = "--port", description = "HTTP port (server.port; default 8080)")
    Integer port;

    @Option(names = "--data-dir", description = "H2 database and rosters (epicall.campaign.storage-dir; default ./data/campaign)")
    String dataDir;

    // Unmatched, not positional: picocli would refuse "--spring.profiles.active=postgres" as an unknown option.
    @Unmatched
    List<String> springArgs = new ArrayList<>();

    /** What Spring Boot is started with: only the options given, so the environment decides the rest. */
    List<String> springArguments() {
        List<String> args = new ArrayList<>(springArgs);
        if (port != null) {
            args.add("--server.port=" + port);
        }
        if (dataDir != null) {
            args.add("--epicall.campaign.storage-dir=" + dataDir);
        }
        return args;
    }

    @Override
    public void run() {
        ConfigurableApplicationContext context = CampaignApplication.start(springArguments().toArray(String[]::new));
        CountDownLatch stopped = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                stopped.countDown();
            }
        });
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.close();
        }
    }
}
