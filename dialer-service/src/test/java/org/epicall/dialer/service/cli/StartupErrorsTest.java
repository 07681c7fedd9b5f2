package org.epicall.dialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.epicall.dialer.service.config.DialerProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** A setting the dialer cannot use stops it with one line that names the key and says what is wrong. */
class StartupErrorsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DialerProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues(
                    "epicall.dialer.servers[0].host=asterisk-1",
                    "epicall.dialer.servers[0].username=epicall",
                    "epicall.dialer.servers[0].secret=s3cret",
                    "epicall.dialer.servers[0].dial-template=PJSIP/{digits}@carrier",
                    "epicall.dialer.kafka.bootstrap-servers=kafka:9092");

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "epicall.dialer.calls-per-secnd | 20      | epicall.dialer.calls-per-secnd",
            "epicall.dialer.calls-per-second | fast   | epicall.dialer.calls-per-second: 'fast'",
            "epicall.dialer.calls-per-second | -5     | epicall.dialer.calls-per-second: must be more than 0 calls per second",
            "epicall.dialer.servers[0].dial-template | PJSIP/carrier | epicall.dialer.servers[0].dial-template: must contain {digits} or {number}",
            "epicall.dialer.servers[0].ami-port | 99999 | epicall.dialer.servers[0].ami-port:",
            "epicall.dialer.kafka.bootstrap-servers | '' | epicall.dialer.kafka.bootstrap-servers: set host:port of your Kafka brokers",
            "epicall.dialer.ring-timeout | soon | epicall.dialer.ring-timeout: 'soon'",
            "epicall.dialer.recordings-retention | 10m | epicall.dialer.recordings-retention: must be at least an hour",
            "epicall.dialer.kafka.security.protocol | SASL_SSL | epicall.dialer.kafka.security: cannot be used (protocol SASL with SCRAM-SHA-512 needs username and password",
    })
    void shouldRefuseASettingItCannotUseNamingTheKey(String key, String value, String expected) {
        runner.withPropertyValues(key + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            String line = StartupErrors.describe(context.getStartupFailure());
            assertThat(line).contains(expected).doesNotContain("\n").doesNotContain("Exception:");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "epicall.dialer.calls-per-secnd | not a setting of the dialer",
            "epicall.dialer.servers[0].hots | not a setting of the dialer",
    })
    void shouldRefuseAnUnknownKeySayingItIsNotASetting(String key, String expected) {
        runner.withPropertyValues(key + "=x").run(context ->
                assertThat(StartupErrors.describe(context.getStartupFailure())).startsWith(key).contains(expected));
    }

    @org.junit.jupiter.api.Test
    void shouldTakeEnvironmentVariablesWithAndWithoutUnderscoresForDashes() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(Settings.class)
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new org.springframework.core.env.SystemEnvironmentPropertySource("systemEnvironment", java.util.Map.of(
                                "EPICALL_DIALER_SERVERS_0_HOST", "asterisk-1",
                                "EPICALL_DIALER_SERVERS_0_AMI_PORT", "5039",
                                "EPICALL_DIALER_SERVERS_0_USERNAME", "epicall",
                                "EPICALL_DIALER_SERVERS_0_SECRET", "s3cret",
                                "EPICALL_DIALER_SERVERS_0_DIALTEMPLATE", "PJSIP/{digits}@carrier",
                                "EPICALL_DIALER_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                                "EPICALL_DIALER_CALLSPERSECOND", "25"))))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    DialerProperties p = context.getBean(DialerProperties.class);
                    assertThat(p.servers().getFirst().amiPort()).isEqualTo(5039);
                    assertThat(p.kafka().bootstrapServers()).isEqualTo("kafka:9092");
                    assertThat(p.callsPerSecond()).isEqualTo(25);
                });
    }

    @org.junit.jupiter.api.Test
    void shouldAskForAnAsteriskServerWhenNoneIsConfigured() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(Settings.class)
                .withPropertyValues("epicall.dialer.kafka.bootstrap-servers=kafka:9092")
                .run(context -> assertThat(StartupErrors.describe(context.getStartupFailure()))
                        .startsWith("epicall.dialer.servers: name at least one Asterisk server"));
    }
}
