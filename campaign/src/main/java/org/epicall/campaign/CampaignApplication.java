package org.epicall.campaign;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** The campaign service: roster import, scheduling, REST API and dashboard. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CampaignApplication {

    /**
     * Starts the service in this JVM.
     *
     * @param args Spring Boot arguments, e.g. {@code --server.port=8080}
     * @return the running context; close it to stop the service
     */
    public static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(CampaignApplication.class, args);
    }

    public static void main(String[] args) {
        start(args);
    }
}
