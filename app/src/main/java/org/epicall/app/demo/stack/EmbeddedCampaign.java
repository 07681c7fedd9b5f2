package org.epicall.app.demo.stack;

import org.epicall.campaign.CampaignApplication;
import org.epicall.campaign.Campaigns;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The campaign service (Spring Boot: import, scheduling, REST API, dashboard) running in this JVM. */
public final class EmbeddedCampaign implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private EmbeddedCampaign(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the service; returns when it serves HTTP.
     *
     * @param extraSources further Spring configuration classes the demo adds to the service
     */
    public static EmbeddedCampaign start(CampaignSettings settings, Class<?>... extraSources) {
        Class<?>[] sources = new Class<?>[extraSources.length + 1];
        sources[0] = CampaignApplication.class;
        System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
        // As command-line arguments, so they win over the service's own application.yaml.
        String[] args = settings.springProperties().entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources)
                .registerShutdownHook(false)
                .run(args);
        return new EmbeddedCampaign(context);
    }

    /** The service's Java API. */
    public Campaigns campaigns() {
        return context.getBean(Campaigns.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The HTTP port actually bound. */
    public int port() {
        return context instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
    }

    @Override
    public void close() {
        context.close();
    }
}
