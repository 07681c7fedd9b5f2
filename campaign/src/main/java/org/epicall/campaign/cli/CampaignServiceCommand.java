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

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data-dir", defaultValue = "./data/campaign", description = "H2 database and rosters (default: ${DEFAULT-VALUE})")
    String dataDir;

    // Unmatched, not positional: picocli would refuse "--spring.profiles.active=postgres" as an unknown option.
    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public void run() {
        List<String> args = new ArrayList<>(springArgs);
        args.add("--server.port=" + port);
        args.add("--epicall.campaign.storage-dir=" + dataDir);
        ConfigurableApplicationContext context = CampaignApplication.start(args.toArray(String[]::new));
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
