package org.epicall.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.Validation;
import org.epicall.app.EpicallCommand;
import org.epicall.campaign.boundary.KafkaMessagingProperties;
import org.epicall.campaign.config.CampaignProperties;
import org.epicall.dialer.service.config.DialerProperties;
import org.epicall.dialer.service.config.EnvironmentSettings;
import org.epicall.dialer.service.config.SpeechModelProperties;
import org.epicall.messaging.KafkaSecurity;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import picocli.CommandLine;

/**
 * docker-compose.yml holds together as the code reads it: every variable given to the campaign service and
 * the dialers is one of their settings (bound here the way Spring Boot binds them, unknown ones refused), the
 * paths and ports they are given are the ones the other services mount and expose, and Compose itself
 * accepts the file. The processes it describes run for real in ScaleOutIT.
 */
class DockerComposeTest {

    private static final String RECORDINGS = "/var/spool/epicall/recordings";

    private final ComposeFile compose = ComposeFile.read(ComposeFile.OPERATOR_ENVIRONMENT::get);

    @Test
    void composeAcceptsTheFile() throws Exception {
        Assumptions.assumeTrue(onPath("docker-compose"),
                "docker-compose is not installed (bin/install-test-deps installs it); not checking the file with it");
        ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "--profile",
                "monitoring", "config", "-q").directory(ComposeFile.ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(ComposeFile.OPERATOR_ENVIRONMENT);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void refusesToStartWithoutTheSecretsItNeeds() {
        ComposeFile bare = ComposeFile.read(name -> null);

        assertThatThrownBy(() -> bare.environment("postgres")).hasMessageContaining("EPICALL_DB_PASSWORD");
        assertThatThrownBy(() -> bare.environment("dialer")).hasMessageContaining("EPICALL_AMI_SECRET");
        assertThatThrownBy(() -> bare.environment("kafka")).hasMessageContaining("EPICALL_KAFKA_ADMIN_PASSWORD");
        assertThatThrownBy(() -> bare.environment("kafka-init")).hasMessageContaining("EPICALL_KAFKA_");
    }

    @Test
    void runsAsteriskKafkaPostgresTheCampaignServiceAndTheDialersFromTheEpicallImage() {
        assertThat(compose.services()).contains("asterisk", "kafka", "postgres", "campaign", "dialer");
        assertThat(compose.strings("campaign", "command")).containsExactly("campaign-service");
        assertThat(compose.strings("dialer", "command")).containsExactly("dialer");
        CommandLine epicall = new CommandLine(new EpicallCommand());
        assertThat(epicall.getSubcommands()).containsKeys("campaign-service", "dialer");
        assertThat(compose.service("campaign").path("build").asString()).isEqualTo(".");
        assertThat(compose.service("dialer").path("build").asString()).isEqualTo(".");
    }

    @Test
    void everyVariableGivenToTheDialersIsADialerSetting() {
        Map<String, String> env = compose.environment("dialer");

        assertThat(env.keySet()).allMatch(k -> k.startsWith("EPICALL_DIALER_") || k.startsWith("EPICALL_SPEECH_"));
        DialerProperties dialer = bindStrictly(env, "epicall.dialer", DialerProperties.class);
        SpeechModelProperties speech = bindStrictly(env, "epicall.speech", SpeechModelProperties.class);
        assertThat(dialer.servers()).hasSize(1);
        assertThat(speech.models()).containsKey("ko");
        assertThat(compose.mountOf("dialer", "./models"))
                .hasValueSatisfying(models -> assertThat(speech.models().get("ko").path().startsWith(models)).isTrue());
    }

    @Test
    void everyVariableGivenToTheCampaignServiceIsOneItReads() throws IOException {
        Map<String, String> env = compose.environment("campaign");

        bindStrictly(env, "epicall.campaign", CampaignProperties.class);
        KafkaMessagingProperties kafka = bindStrictly(env, "epicall.kafka", KafkaMessagingProperties.class);
        assertThat(kafka.embedded()).isFalse();
        String profile = env.get("SPRING_PROFILES_ACTIVE");
        Path profileFile = ComposeFile.ROOT.resolve("campaign/src/main/resources/application-" + profile + ".yaml");
        String profileYaml = Files.readString(profileFile);
        List<String> other = env.keySet().stream().filter(k -> !k.startsWith("EPICALL_CAMPAIGN_")
                && !k.startsWith("EPICALL_KAFKA_") && !k.equals("SPRING_PROFILES_ACTIVE")).toList();
        assertThat(other).as("read through ${...} in " + profileFile.getFileName())
                .allSatisfy(k -> assertThat(profileYaml).contains("${" + k));
    }

    @Test
    void eachDialerReplicaKeepsItsLedgerAndOutboxOnItsOwnVolume() throws IOException {
        DialerProperties dialer = bindStrictly(compose.environment("dialer"), "epicall.dialer", DialerProperties.class);

        // /data is the image's anonymous volume: one per container, so --scale never shares it
        assertThat(Files.readString(ComposeFile.ROOT.resolve("Dockerfile"))).contains("VOLUME [\"/data\"]");
        for (Path dir : List.of(dialer.ledgerDir(), dialer.outboxDir())) {
            assertThat(dir.startsWith("/data")).as(dir + " is under /data").isTrue();
            assertThat(compose.mountPoints("dialer")).noneMatch(mount -> dir.startsWith(Path.of(mount))
                    || Path.of(mount).startsWith(dir));
        }
    }

    @Test
    void asteriskTheDialersAndTheCampaignServiceSeeTheRecordingsAtOnePath() {
        DialerProperties dialer = bindStrictly(compose.environment("dialer"), "epicall.dialer", DialerProperties.class);
        CampaignProperties campaign = bindStrictly(compose.environment("campaign"), "epicall.campaign",
                CampaignProperties.class);

        assertThat(compose.declaresVolume("recordings")).isTrue();
        assertThat(compose.mountOf("asterisk", "recordings")).contains(RECORDINGS);
        assertThat(compose.mountOf("dialer", "recordings")).contains(RECORDINGS);
        assertThat(compose.mountOf("campaign", "recordings")).contains(RECORDINGS);
        assertThat(dialer.recordingsDir()).isEqualTo(Path.of(RECORDINGS));
        assertThat(campaign.followUp().recordingsDir()).isEqualTo(Path.of(RECORDINGS));
    }

    @Test
    void asteriskPlaysThePromptsTheCampaignServiceKeeps() {
        CampaignProperties campaign = bindStrictly(compose.environment("campaign"), "epicall.campaign",
                CampaignProperties.class);

        assertThat(compose.declaresVolume("prompts")).isTrue();
        assertThat(compose.mountOf("campaign", "prompts")).contains(campaign.storageDir().resolve("prompts").toString());
        assertThat(compose.mountOf("asterisk", "prompts")).contains("/var/lib/asterisk/sounds/epicall");
    }

    @Test
    void asteriskSendsEachAnsweredCallToTheDialerThatPlacedIt() throws IOException {
        DialerProperties dialer = bindStrictly(compose.environment("dialer"), "epicall.dialer", DialerProperties.class);
        String extensions = Files.readString(ComposeFile.ROOT.resolve("deploy/asterisk/extensions.conf"));

        Matcher context = Pattern.compile("(?s)\\[" + dialer.servers().getFirst().context() + "](.*?)(\\n\\[|$)")
                .matcher(extensions);
        assertThat(context.find()).as("extensions.conf has the dialer's context").isTrue();
        assertThat(context.group(1)).contains("AGI(${EPICALL_AGI})");
        assertThat(compose.strings("dialer", "expose")).contains(String.valueOf(dialer.agi().port()), "8081");
        assertThat(dialer.agi().bindAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    void theDialersLogInToAsteriskAsTheAmiUserOfManagerConf() throws IOException {
        DialerProperties.AsteriskServer server = bindStrictly(compose.environment("dialer"), "epicall.dialer",
                DialerProperties.class).servers().getFirst();
        String managerConf = Files.readString(ComposeFile.ROOT.resolve("deploy/asterisk/manager.conf"));

        assertThat(compose.services()).contains(server.host());
        assertThat(compose.strings(server.host(), "expose")).contains(String.valueOf(server.amiPort()));
        Matcher user = Pattern.compile("(?s)\\[" + Pattern.quote(server.username()) + "](.*?)(\\n\\[|$)")
                .matcher(managerConf);
        assertThat(user.find()).as("manager.conf has user " + server.username()).isTrue();
        assertThat(user.group(1)).contains("secret = " + ComposeFile.OPERATOR_ENVIRONMENT.get("EPICALL_AMI_SECRET"))
                .contains("write = originate");
    }

    @Test
    void theServicesReachKafkaAtItsAdvertisedListenerWithTheirOwnUsers() throws IOException {
        Properties broker = new Properties();
        try (var in = Files.newBufferedReader(ComposeFile.ROOT.resolve("deploy/kafka/server.properties"))) {
            broker.load(in);
        }
        DialerProperties dialer = bindStrictly(compose.environment("dialer"), "epicall.dialer", DialerProperties.class);
        KafkaMessagingProperties campaign = bindStrictly(compose.environment("campaign"), "epicall.kafka",
                KafkaMessagingProperties.class);

        assertThat(compose.mountOf("kafka", "./deploy/kafka")).contains("/etc/epicall/kafka");
        assertThat(compose.mountOf("kafka-init", "./deploy/kafka")).contains("/etc/epicall/kafka");
        for (KafkaSecurity security : List.of(campaign.security(), dialer.kafka().security())) {
            assertThat(broker.getProperty("advertised.listeners"))
                    .isEqualTo(security.protocol().name + "://" + dialer.kafka().bootstrapServers());
            assertThat(security.saslMechanism()).isEqualTo(broker.getProperty("sasl.enabled.mechanisms"));
        }
        assertThat(campaign.bootstrapServers()).isEqualTo(dialer.kafka().bootstrapServers());
        assertThat(campaign.security().username()).isEqualTo("campaign");
        assertThat(dialer.kafka().security().username()).isEqualTo("dialer");
        assertThat(compose.environment("kafka-init")).containsEntry("EPICALL_KAFKA_CAMPAIGN_PASSWORD",
                campaign.security().password()).containsEntry("EPICALL_KAFKA_DIALER_PASSWORD",
                dialer.kafka().security().password());
    }

    @Test
    void publishesTheDashboardSipRtpAndPrometheusOnly() {
        List<String> published = new ArrayList<>();
        compose.services().forEach(s -> published.addAll(compose.strings(s, "ports")));

        assertThat(published).contains("8080:8080", "5060:5060/udp", "9090:9090");
        assertThat(published).noneMatch(p -> p.contains("5038") || p.contains("4573") || p.contains("5432")
                || p.contains("9092") || p.contains("8081"));
    }

    /**
     * Binds as Spring Boot binds environment variables, validated, after checking that every variable under
     * {@code prefix} names one of the record's settings (Spring Boot itself ignores unknown ones).
     */
    private static <T> T bindStrictly(Map<String, String> env, String prefix, Class<T> type) {
        assertThat(EnvironmentSettings.unknown(env, prefix, type)).as("variables that name no setting under " + prefix)
                .isEmpty();
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(env))));
        BindHandler handler = new ValidationBindHandler(
                new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator()));
        return binder.bindOrCreate(prefix, Bindable.of(type), handler);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
