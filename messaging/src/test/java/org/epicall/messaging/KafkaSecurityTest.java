package org.epicall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The security settings every Kafka client is built with: defaults, what they become, what is refused. */
class KafkaSecurityTest {

    @TempDir Path dir;

    @Test
    void plaintextByDefaultWithNothingElseSet() {
        KafkaSecurity none = new KafkaSecurity(null, null, null, null, null, null, null, null);

        assertThat(none).isEqualTo(KafkaSecurity.PLAINTEXT);
        assertThat(none.clientProperties()).containsExactly(Map.entry("security.protocol", "PLAINTEXT"));
    }

    @Test
    void scramSha512ByDefaultForSaslWithTheUserAndPasswordInTheJaasLogin() {
        KafkaSecurity scram = new KafkaSecurity(SecurityProtocol.SASL_PLAINTEXT, null, "dialer", "pa\"ss\\word ", null,
                null, null, null);

        assertThat(scram.clientProperties()).containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"dialer\" password=\"pa\\\"ss\\\\word \";");
    }

    @Test
    void plainMechanismLogsInWithThePlainModule() {
        KafkaSecurity plain = new KafkaSecurity(SecurityProtocol.SASL_SSL, "plain", "analyst", "secret", null, null,
                null, null);

        assertThat(plain.clientProperties()).containsEntry("sasl.mechanism", "PLAIN").extractingByKey("sasl.jaas.config")
                .asString().startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required");
    }

    @Test
    void aTruststoreIsPassedOnWithItsPasswordAndType() throws IOException {
        Path truststore = Files.write(dir.resolve("ca.p12"), new byte[] {1});

        KafkaSecurity tls = new KafkaSecurity(SecurityProtocol.SSL, null, null, null, null, truststore, "changeit",
                "PKCS12");

        assertThat(tls.clientProperties()).containsEntry("ssl.truststore.location", truststore.toAbsolutePath().toString())
                .containsEntry("ssl.truststore.password", "changeit").containsEntry("ssl.truststore.type", "PKCS12");
    }

    @Test
    void passwordsNeverAppearWhenTheSettingsArePrinted() {
        KafkaSecurity scram = new KafkaSecurity(SecurityProtocol.SASL_PLAINTEXT, null, "dialer", "hunter2", null, null,
                null, null);

        assertThat(scram.toString()).contains("dialer").doesNotContain("hunter2");
        assertThat(new KafkaConnection("kafka:9093", scram).toString()).contains("kafka:9093", "SASL_PLAINTEXT",
                "user 'dialer'").doesNotContain("hunter2");
    }

    @ParameterizedTest(name = "{0} {1} user={2} password={3} jaas={4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "SASL_PLAINTEXT | -             | dialer | -      | -           | needs username and password (or jaas-config): set password",
            "SASL_SSL       | SCRAM-SHA-256 | -      | secret | -           | set username",
            "SASL_SSL       | -             | dialer | secret | x required; | give username and password, or jaas-config, not both",
            "SASL_SSL       | OAUTHBEARER   | dialer | secret | -           | sasl-mechanism OAUTHBEARER needs jaas-config",
            "PLAINTEXT      | -             | dialer | secret | -           | used only with protocol SASL_SSL or SASL_PLAINTEXT",
            "SSL            | SCRAM-SHA-512 | -      | -      | -           | used only with protocol SASL_SSL or SASL_PLAINTEXT",
    })
    void settingsThatContradictEachOtherAreRefusedNamingTheSetting(SecurityProtocol protocol, String mechanism,
                                                                 String username, String password, String jaas,
                                                                 String expected) {
        assertThatThrownBy(() -> new KafkaSecurity(protocol, mechanism, username, password, jaas, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expected);
    }

    @Test
    void aTruststoreWithoutTlsOrThatCannotBeReadIsRefused() throws IOException {
        Path truststore = Files.write(dir.resolve("ca.p12"), new byte[] {1});

        assertThatThrownBy(() -> new KafkaSecurity(SecurityProtocol.SASL_PLAINTEXT, null, "u", "p", null, truststore,
                null, null)).hasMessageContaining("truststore, truststore-password and truststore-type are used only with");
        assertThatThrownBy(() -> new KafkaSecurity(SecurityProtocol.SSL, null, null, null, null,
                dir.resolve("missing.p12"), null, null)).hasMessageContaining("missing.p12 cannot be read");
    }

    @Test
    void readsTheSecurityOfAKafkaClientPropertiesFile() throws IOException {
        Path truststore = Files.write(dir.resolve("ca.p12"), new byte[] {1});
        Properties file = properties("""
                security.protocol=sasl_ssl
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="analyst" password="x";
                ssl.truststore.location=%s
                ssl.truststore.password=changeit
                """.formatted(truststore));

        KafkaSecurity security = KafkaSecurity.fromClientProperties(file, "analyst.properties");

        assertThat(security.protocol()).isEqualTo(SecurityProtocol.SASL_SSL);
        assertThat(security.clientProperties()).containsEntry("sasl.jaas.config", file.getProperty("sasl.jaas.config"))
                .containsEntry("ssl.truststore.password", "changeit");
    }

    @Test
    void aClientPropertiesFileWithKeysEpicallDoesNotReadIsRefusedRatherThanHalfApplied() throws IOException {
        Properties file = properties("security.protocol=SSL\nssl.keystore.location=/etc/me.p12\n");

        assertThatThrownBy(() -> KafkaSecurity.fromClientProperties(file, "analyst.properties"))
                .hasMessageContaining("analyst.properties: [ssl.keystore.location] not read by epicall");
    }

    private static Properties properties(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}
