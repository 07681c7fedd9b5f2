package org.epicall.campaign.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The production stack in docker-compose.yml is wired the way the services expect each other. */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String RECORDINGS = "/var/spool/epicall/recordings";
    private static JsonNode services;
    private static JsonNode compose;

    @BeforeAll
    static void parse() throws IOException {
        compose = YAMLMapper.builder().build().readTree(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = compose.path("services");
    }

    @Test
    void runsAsteriskKafkaPostgresAndEpicall() {
        assertThat(services.propertyNames()).contains("asterisk", "kafka", "postgres", "epicall");
        assertThat(services.path("kafka").path("image").asString()).startsWith("apache/kafka:");
        assertThat(services.path("postgres").path("image").asString()).startsWith("postgres:");
        assertThat(services.path("epicall").path("build").asString()).isEqualTo(".");
        assertThat(ROOT.resolve("Dockerfile")).exists();
    }

    @Test
    void asteriskMountsTheDeployConfigsThatExist() {
        List<String> volumes = strings(services.path("asterisk").path("volumes"));
        for (String file : List.of("manager.conf", "extensions.conf", "pjsip.conf")) {
            assertThat(volumes).contains("./deploy/asterisk/" + file + ":/etc/asterisk/" + file + ":ro");
            assertThat(ROOT.resolve("deploy/asterisk").resolve(file)).exists();
        }
    }

    @Test
    void asteriskAndEpicallShareTheRecordingsVolumeAtTheSamePath() {
        assertThat(strings(services.path("asterisk").path("volumes"))).contains("recordings:" + RECORDINGS);
        assertThat(strings(services.path("epicall").path("volumes"))).contains("recordings:" + RECORDINGS);
        assertThat(compose.path("volumes").has("recordings")).isTrue();
        assertThat(services.path("epicall").path("environment").path("EPICALL_RECORDINGS_DIR").asString())
                .isEqualTo(RECORDINGS);
    }

    @Test
    void kafkaRunsInKraftModeAndEpicallUsesItsAdvertisedListener() {
        JsonNode kafka = services.path("kafka").path("environment");
        assertThat(kafka.path("KAFKA_PROCESS_ROLES").asString()).contains("broker").contains("controller");
        assertThat(kafka.has("KAFKA_CONTROLLER_QUORUM_VOTERS")).isTrue();
        assertThat(kafka.path("KAFKA_ADVERTISED_LISTENERS").asString()).isEqualTo("PLAINTEXT://kafka:9092");
        assertThat(strings(services.path("kafka").path("expose"))).contains("9092");
        assertThat(env("EPICALL_KAFKA_BOOTSTRAPSERVERS")).isEqualTo("kafka:9092");
    }

    @Test
    void epicallRunsThePostgresProfileAgainstThePostgresService() {
        JsonNode postgres = services.path("postgres").path("environment");
        assertThat(env("SPRING_PROFILES_ACTIVE")).contains("postgres");
        assertThat(env("EPICALL_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.path("POSTGRES_DB").asString());
        assertThat(env("EPICALL_DB_USER")).isEqualTo(postgres.path("POSTGRES_USER").asString());
        assertThat(env("EPICALL_DB_PASSWORD")).isEqualTo(postgres.path("POSTGRES_PASSWORD").asString());
        assertThat(services.path("epicall").path("depends_on").path("postgres").path("condition").asString())
                .isEqualTo("service_healthy");
    }

    @Test
    void publishesTheDashboardAndSipButKeepsAmiAndAgiOnTheInternalNetwork() throws IOException {
        assertThat(strings(services.path("epicall").path("ports"))).contains("8080:8080");
        assertThat(strings(services.path("asterisk").path("ports"))).contains("5060:5060/udp");
        List<String> published = new ArrayList<>();
        services.forEach(service -> published.addAll(strings(service.path("ports"))));
        assertThat(published).noneMatch(p -> p.contains("5038") || p.contains("4573") || p.contains("5432")
                || p.contains("9092"));
        assertThat(env("EPICALL_AMI_HOST")).isEqualTo("asterisk");
        assertThat(strings(services.path("asterisk").path("expose"))).contains(env("EPICALL_AMI_PORT"));
        Matcher agi = Pattern.compile("AGI\\(agi://([\\w.-]+):(\\d+)/")
                .matcher(Files.readString(ROOT.resolve("deploy/asterisk/extensions.conf")));
        assertThat(agi.find()).as("extensions.conf runs the survey over FastAGI").isTrue();
        assertThat(agi.group(1)).isEqualTo("epicall");
        assertThat(strings(services.path("epicall").path("expose"))).contains(agi.group(2));
        assertThat(env("EPICALL_AGI_PORT")).isEqualTo(agi.group(2));
    }

    @Test
    void dockerfileServesTheDashboardPort() throws IOException {
        assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("EXPOSE 8080 4573").contains("epicall.jar");
    }

    private static String env(String name) {
        return services.path("epicall").path("environment").path(name).asString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}
