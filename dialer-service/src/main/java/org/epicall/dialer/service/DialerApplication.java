package org.epicall.dialer.service;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dialer service: one dialer node fed from Kafka, with health and metrics over HTTP. Its settings
 * are read from {@code epicall-dialer.yaml} ({@link #CONFIG_NAME}), not {@code application.yaml}: the
 * epicall jar carries the campaign service's {@code application.yaml} too.
 */
@SpringBootApplication(excludeName = {
        // The epicall jar carries the campaign service and with it a database, batch jobs, migrations and
        // web security on the class path; none of them is a dialer's business.
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
        "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
        "org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration",
        "org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
})
public class DialerApplication {

    /** The name of the settings file: {@code epicall-dialer.yaml}. */
    public static final String CONFIG_NAME = "epicall-dialer";

    /**
     * Starts a dialer node in this JVM.
     *
     * @param args Spring Boot arguments, e.g. {@code --epicall.dialer.agi.port=4573}; they win over
     *             environment variables, which win over the settings file
     * @return the running context; close it to stop the node gracefully
     */
    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplication(DialerApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application.run(args);
    }
}
